namespace Bot.Knowledge.Answering;

/// <summary>The checks that decline a question, in the order the answerer runs them (the eval rows' "declined").</summary>
public static class DeclineReason
{
    /// <summary>The scope model finds the question outside narcotics and P4GN.</summary>
    public const string Outside = "scope-outside";

    /// <summary>The scope model is sure the sources never hold such a fact.</summary>
    public const string SurelyNotCovered = "scope-sure";

    /// <summary>The scope model leans to "not covered" and no bank question is close enough to overrule it.</summary>
    public const string LeansNotCovered = "scope-leans";

    /// <summary>Retrieval found no passage.</summary>
    public const string NoPassage = "no-passage";

    /// <summary>The best passage states that the sources do not hold the answer.</summary>
    public const string StatedAbsence = "stated-absence";

    /// <summary>The question asks for a date or number none of the best passages holds.</summary>
    public const string AskedFact = "asked-fact";

    /// <summary>The answer decision (<see cref="AnswerDecision"/>) finds the evidence too weak: scope probabilities, bank similarity and the question's words in the passages.</summary>
    public const string WeakEvidence = "weak-evidence";

    /// <summary>The LLM judged the passages not to answer.</summary>
    public const string Llm = "llm";
}
