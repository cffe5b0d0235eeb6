using Bot.Knowledge.Bank;
using Bot.Knowledge.Language;
using Bot.Knowledge.Passages;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Training data for the answer/decline decision, from the bank alone: its answer and scope lines are split into
/// <see cref="Folds"/> folds, and each fold's lines are asked of retrievers and a scope model built without that fold
/// (the bank matcher, the scope classifier, and an in-memory index whose questions field lacks the fold's lines), so
/// every line is judged as a question nobody wrote the bank for. Lines of one article with the same words (a typo or
/// word-order variant) share a fold, so a near-copy never stays behind in training; the article's other lines do, as
/// they do for a user's question in production.
/// </summary>
internal static class OutOfFoldEvidence
{
    public const int Folds = 5;

    /// <summary>Fixed seed of the fold split (training must give the same model every time).</summary>
    private const int Seed = 13;

    /// <summary>Every answer line whose passage is in the index and every scope line, judged out of fold.</summary>
    public static IReadOnlyList<EvidenceRow> Build(IReadOnlyList<Passage> passages, QuestionBank bank, AnswerComposer composer, KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(bank);
        var keys = passages.Select(p => p.CitationKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var answerFold = FoldsOf(bank.Answers.Select(a => (Group: a.Key, a.Text)).ToList());
        var scopeFold = FoldsOf(bank.Scope.Select(s => (Group: s.Label, s.Text)).ToList());
        var rows = new List<EvidenceRow>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var heldAnswers = Enumerable.Range(0, bank.Answers.Count).Where(i => answerFold[i] == fold).ToHashSet();
            var heldScope = Enumerable.Range(0, bank.Scope.Count).Where(i => scopeFold[i] == fold).ToHashSet();
            var foldBank = bank.Without(heldAnswers, heldScope);
            using var index = PassageIndex.InMemory(passages, foldBank);
            var judge = new Judge(new PassageSearch(index, new BankMatcher(foldBank)), ScopeModel.Unshared(foldBank), composer, options);
            foreach (var i in heldAnswers.Order())
            {
                var line = bank.Answers[i];
                if (passages.Any(line.BelongsTo) && keys.Contains(line.Key))
                {
                    rows.Add(judge.Row(line.Text, line.Key, fold, i));
                }
            }

            foreach (var i in heldScope.Order())
            {
                rows.Add(judge.Row(bank.Scope[i].Text, null, fold, bank.Answers.Count + i));
            }
        }

        return rows;
    }

    /// <summary>
    /// A fold for every line: lines with the same set of normalised words in one group share a fold; groups are dealt
    /// round the folds in a seeded order, so each group's lines (an article's, a scope label's) spread over all folds.
    /// </summary>
    internal static int[] FoldsOf(IReadOnlyList<(string Group, string Text)> lines)
    {
        var folds = new int[lines.Count];
        var random = new Random(Seed);
        foreach (var group in lines.Select((l, i) => (l.Group, l.Text, Index: i)).GroupBy(l => l.Group, StringComparer.OrdinalIgnoreCase))
        {
            var clusters = group.GroupBy(l => string.Join(' ', TextNormalizer.Tokens(l.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)), StringComparer.Ordinal).ToList();
            var next = random.Next(Folds);
            foreach (var cluster in clusters)
            {
                foreach (var line in cluster)
                {
                    folds[line.Index] = next;
                }

                next = (next + 1) % Folds;
            }
        }

        return folds;
    }

    /// <summary>One fold's retrieval and scope model asking its held-out lines, the answerer's way up to the decision.</summary>
    private sealed class Judge(PassageSearch search, ScopeModel scope, AnswerComposer composer, KnowledgeOptions options)
    {
        public EvidenceRow Row(string question, string? key, int fold, int line)
        {
            var verdict = scope.Judge(question);
            var result = search.Search(question, options.TopPassages);
            var rank = key is null ? 0 : 1 + result.Hits.ToList().FindIndex(h => string.Equals(h.Passage.CitationKey, key, StringComparison.OrdinalIgnoreCase));
            var row = new EvidenceRow(line, fold, key, null, null, false, false) { GoldRank = rank };
            if (verdict.IsOutside && !HandSetRule.BankOverrulesSureVerdict(result, options))
            {
                return row with { Declined = DeclineReason.Outside };
            }

            var check = EvidenceChecks.Run(question, result, composer);
            if (check.Declined is { } declined)
            {
                return row with { Declined = declined };
            }

            var weights = search.Weights(result.Query);
            var cited = key is not null && composer.Compose(result, null, c => weights.GetValueOrDefault(c)).Citations
                .Any(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
            return row with { Features = DecisionFeatures.Of(question, result, verdict, check.Fact), Cited = cited, RuleAnswers = HandSetRule.Answers(result, verdict, options) };
        }
    }
}

/// <summary>
/// One bank line judged out of fold: its line number (answer lines first, then scope lines), fold, gold key (null for a
/// scope line), the check that declined it before the decision (or null and its decision features), whether the
/// answer would cite the gold key, and whether the hand-set rule answers it.
/// </summary>
internal sealed record EvidenceRow(int Line, int Fold, string? Key, string? Declined, float[]? Features, bool Cited, bool RuleAnswers)
{
    /// <summary>Where the gold key's first passage stands among the retrieved ones (1 = first; 0: not retrieved, or a scope line).</summary>
    public int GoldRank { get; init; }

    public bool Answerable => Key is not null;
}
