using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Answering;

/// <summary>
/// What the answer/decline decision (<see cref="AnswerDecision"/>) reads of one question: the scope model's three
/// probabilities, retrieval's evidence (nearest bank question, share of the question's words in the best passages,
/// relative BM25 of the best passage, how far the best passage leads the second) and a few facts about the question
/// (how many concepts, whether it asks for a date or number, whether it names the domain, whether the best passage is
/// a definitions article). The products let a linear model weigh one signal by another, as the hand-set rule did
/// ("a sure scope model lowers the evidence retrieval must add").
/// </summary>
internal static class DecisionFeatures
{
    public static readonly string[] Names =
    [
        "answerable", "not-covered", "outside", "bank", "top-bank", "confidence", "top-lexical", "margin",
        "answerable*bank", "answerable*confidence", "bank*confidence", "concepts", "asks-fact", "names-domain", "definitions",
    ];

    /// <summary>How many features there are (a constant: the training rows declare their vector length with it).</summary>
    public const int Count = 15;

    /// <summary>The features of a question with at least one retrieved passage.</summary>
    public static float[] Of(string question, SearchResult result, ScopeVerdict verdict, FactKind fact)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(verdict);
        var top = result.Hits[0];
        var second = result.Hits.Count > 1 ? result.Hits[1].Score : 0f;
        var bank = (float)result.BankSimilarity;
        var confidence = (float)result.Confidence;
        return
        [
            verdict.Answerable,
            verdict.NotCovered,
            verdict.Outside,
            bank,
            (float)top.BankSimilarity,
            confidence,
            (float)top.Lexical,
            top.Score - second,
            verdict.Answerable * bank,
            verdict.Answerable * confidence,
            bank * confidence,
            Math.Min(result.Query.Concepts.Count, 10) / 10f,
            fact == FactKind.Any ? 0f : 1f,
            ScopeModel.NamesTheDomain(question) ? 1f : 0f,
            PassageSearch.IsDefinitions(top.Passage) ? 1f : 0f,
        ];
    }
}
