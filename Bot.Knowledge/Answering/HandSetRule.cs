using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The answer/decline rule chosen by hand before the learned decision (issue 13, rounds five to eleven): the scope
/// model's "not covered" verdicts unless a bank question overrules them, then coverage by bank similarity, by words with
/// an answerable verdict, or by both with a sure one. Kept as the fallback when no decision can be learned (an index
/// without any bank line's passage), behind <see cref="KnowledgeOptions.LearnedDecision"/> = false, and as the
/// baseline the out-of-fold figures compare the learned decision with.
/// </summary>
internal static class HandSetRule
{
    /// <summary>
    /// A scope model this sure that the question is answerable lowers the evidence retrieval must add: the nearest bank
    /// question's similarity and the share of the question's words in the best passages, summed, must reach
    /// <see cref="JointEvidence"/> (BENCHMARKS.md, seventh round).
    /// </summary>
    private const float SureAnswerable = 0.8f;
    private const double JointEvidence = 0.5;

    /// <summary>
    /// A bank question of one of the retrieved passages so close that scope-bank questions almost never come as near
    /// (<see cref="KnowledgeOptions.SureNotCoveredBankSimilarity"/>) overrules the scope model's sure "not covered"
    /// or "outside": the model reads the question's frame, the bank the article's own topic.
    /// </summary>
    public static bool BankOverrulesSureVerdict(SearchResult asked, KnowledgeOptions options) =>
        asked.Hits.Select(h => h.BankSimilarity).DefaultIfEmpty(0).Max() >= options.SureNotCoveredBankSimilarity;

    /// <summary>The scope verdict's decline (a <see cref="DeclineReason"/>), or null when retrieval is to decide.</summary>
    public static string? ScopeDecline(ScopeVerdict verdict, SearchResult asked, KnowledgeOptions options) =>
        verdict.IsSurelyNotCovered && !BankOverrulesSureVerdict(asked, options) ? DeclineReason.SurelyNotCovered
        : verdict.LeansNotCovered && asked.BankSimilarity < options.MinBankSimilarity ? DeclineReason.LeansNotCovered
        : null;

    /// <summary>
    /// The index holds the answer: a bank question of an indexed passage is close, or the best passages carry most
    /// of the question's words and the scope model does think it answerable (words alone meet too easily), or the
    /// scope model is sure and the two signals together are enough.
    /// </summary>
    public static bool IsCovered(SearchResult result, ScopeVerdict verdict, KnowledgeOptions options) =>
        result.BankSimilarity >= options.MinBankSimilarity
        || (result.Confidence >= options.MinConfidence && verdict.Answerable >= 0.5f)
        || (verdict.Answerable >= SureAnswerable && result.BankSimilarity + result.Confidence >= JointEvidence);

    /// <summary>The whole rule at the point where the learned decision stands (same question, no rewrite).</summary>
    public static bool Answers(SearchResult result, ScopeVerdict verdict, KnowledgeOptions options) =>
        ScopeDecline(verdict, result, options) is null && IsCovered(result, verdict, options);
}
