using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The checks between retrieval and the answer decision, shared by the answerer and the out-of-fold evidence the
/// decision learns from (<see cref="OutOfFoldEvidence"/>), so the decision is trained on exactly the questions that
/// reach it: no passage found; a passage that states the fact is absent; a date or number asked that none of the best
/// passages holds (a look-alike match).
/// </summary>
internal static class EvidenceChecks
{
    /// <summary>How many of the best passages may hold the date or number a question asks for (as many as confidence reads).</summary>
    public const int FactDepth = 2;

    public static EvidenceCheck Run(string question, SearchResult result, AnswerComposer composer)
    {
        if (result.Hits.Count == 0)
        {
            return new EvidenceCheck(DeclineReason.NoPassage, null, default);
        }

        if (composer.StatedAbsence(result) is { } absence)
        {
            return new EvidenceCheck(DeclineReason.StatedAbsence, absence, default);
        }

        // The kind is read from the question as normalised, before spelling correction: a word the index lacks may be
        // "corrected" into another kind of question ("tenggat" into "tanggal", a date).
        var fact = AskedFact.Of(RetrievalText.Normalize(question), question);
        return result.Hits.Take(FactDepth).Any(h => AskedFact.Holds(h.Passage, fact))
            ? new EvidenceCheck(null, null, fact)
            : new EvidenceCheck(DeclineReason.AskedFact, null, fact);
    }
}

/// <summary>What <see cref="EvidenceChecks.Run"/> found: the reason to decline (null: go on to the decision), the stated absence, the asked kind of fact.</summary>
internal readonly record struct EvidenceCheck(string? Declined, string? Absence, FactKind Fact);
