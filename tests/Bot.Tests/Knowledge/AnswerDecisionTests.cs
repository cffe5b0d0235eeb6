using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Language;
using Bot.Knowledge.Retrieval;
using Xunit.Abstractions;

namespace Bot.Tests.Knowledge;

/// <summary>
/// The answer/decline decision learned from out-of-fold bank evidence (<see cref="AnswerDecision"/>), over the three
/// real statutes and the pack: the out-of-fold rows never hold the line they judge, the learning is deterministic,
/// and a model trained without a fold answers that fold's answer lines and declines its scope lines at least as well
/// as the hand-set rule, within the false-refusal target.
/// </summary>
public sealed class AnswerDecisionTests(IngestedCorpusFixture corpus, ITestOutputHelper output) : IClassFixture<IngestedCorpusFixture>
{
    private static readonly Lock Gate = new();
    private static IReadOnlyList<EvidenceRow>? s_rows;

    private IReadOnlyList<EvidenceRow> Rows()
    {
        lock (Gate)
        {
            return s_rows ??= OutOfFoldEvidence.Build(
                corpus.Host.Get<PassageIndex>().All(), QuestionBank.Default, corpus.Host.Get<AnswerComposer>(), new KnowledgeOptions());
        }
    }

    [Fact]
    public void AFoldsBankAndIndexHoldNoneOfItsHeldOutLines()
    {
        var bank = QuestionBank.Default;
        var folds = OutOfFoldEvidence.FoldsOf(bank.Answers.Select(a => (a.Key, a.Text)).ToList());
        var held = Enumerable.Range(0, bank.Answers.Count).Where(i => folds[i] == 0).ToHashSet();
        var foldBank = bank.Without(held, new HashSet<int>());

        Assert.InRange(held.Count, bank.Answers.Count / 6, bank.Answers.Count / 4);
        Assert.Equal(bank.Answers.Count - held.Count, foldBank.Answers.Count);
        var kept = foldBank.Answers.Select(a => (a.Key.ToUpperInvariant(), Words(a.Text))).ToHashSet();
        Assert.DoesNotContain(held, i => kept.Contains((bank.Answers[i].Key.ToUpperInvariant(), Words(bank.Answers[i].Text))));

        // The fold's index: a held-out line's own words in the questions field would find its passage by themselves.
        using var index = PassageIndex.InMemory(corpus.Host.Get<PassageIndex>().All(), foldBank);
        var line = bank.Answers[held.First(i => corpus.Host.Get<PassageIndex>().WithKey(bank.Answers[i].Key).Count > 0 && bank.ByKey[bank.Answers[i].Key].Count() > 1)];
        var questions = index.WithKey(line.Key).Where(line.BelongsTo).ToList();
        Assert.NotEmpty(questions);
        var full = PassageDocuments.ToDocument(questions[0], bank).GetField(IndexFields.Questions).GetStringValue(System.Globalization.CultureInfo.InvariantCulture);
        var fold = PassageDocuments.ToDocument(questions[0], foldBank).GetField(IndexFields.Questions).GetStringValue(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(RetrievalText.Normalize(line.Text), full, StringComparison.Ordinal);
        Assert.DoesNotContain(RetrievalText.Normalize(line.Text), fold, StringComparison.Ordinal);
    }

    [Fact]
    public void LearningTheSameRowsGivesTheSameDecision()
    {
        var rows = Rows();
        var first = DecisionTraining.Train(rows)!;
        var second = DecisionTraining.Train(rows)!;

        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
        Assert.Equal(first.Threshold, second.Threshold);
    }

    [Fact]
    public void ADecisionKeptInTheModelCacheIsReadBackAsLearned()
    {
        var model = DecisionTraining.Train(Rows())!;
        using var folder = new Bot.Tests.Support.TempDirectory();
        var path = Path.Combine(folder.Path, "decision.json");

        AnswerDecision.TrySave(path, model);
        var stored = AnswerDecision.TryLoad(path)!;

        Assert.Equal(model.Weights, stored.Weights);
        Assert.Equal(model.Bias, stored.Bias);
        Assert.Equal(model.Threshold, stored.Threshold);
        Assert.Equal(model.Learned, stored.Learned);
        File.WriteAllText(path, "{ \"weights\": [1, 2] }");
        Assert.Null(AnswerDecision.TryLoad(path));
    }

    [Fact]
    public void OutOfFoldTheLearnedDecisionKeepsTheTargetAndRefusesMoreThanTheRule()
    {
        var rows = Rows();
        var model = DecisionTraining.Train(rows)!;
        var excludedMisses = model;
        var declinedMisses = DecisionTraining.Train(rows, DecisionTraining.MissLabel.Decline)!;
        output.WriteLine($"rows {rows.Count}: reaching the decision {rows.Count(r => r.Features is not null)}; declined before it {string.Join(", ", rows.Where(r => r.Declined is not null).GroupBy(r => (r.Answerable ? "answer " : "scope ") + r.Declined).Select(g => $"{g.Key} {g.Count()}"))}");
        output.WriteLine($"answer lines cited {rows.Count(r => r.Answerable && r.Cited)} of {rows.Count(r => r.Answerable)}; not cited, by the gold passage's rank: {string.Join(", ", rows.Where(r => r.Answerable && !r.Cited).GroupBy(r => r.GoldRank).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}");
        output.WriteLine($"hand-set rule:            {model.Rule}");
        output.WriteLine($"learned, misses excluded: {excludedMisses.Learned} threshold {excludedMisses.Threshold:0.000}");
        output.WriteLine($"learned, misses declined: {declinedMisses.Learned} threshold {declinedMisses.Threshold:0.000}");
        output.WriteLine("weights: " + string.Join(", ", DecisionFeatures.Names.Select((n, i) => $"{n} {model.Weights[i]:0.00}")) + $", bias {model.Bias:0.00}");

        Assert.True(model.Learned.FalseRefusals <= DecisionTraining.MaxFalseRefusals, model.Learned.ToString());
        Assert.True(model.Learned.RefusalAccuracy >= model.Rule.RefusalAccuracy, $"learned {model.Learned}; rule {model.Rule}");
    }

    [Fact]
    public void AModelTrainedWithoutAFoldAnswersItsAnswerLinesAndDeclinesItsScopeLines()
    {
        var rows = Rows();
        var model = DecisionTraining.Train(rows.Where(r => r.Fold != 0).ToList())!;
        var held = rows.Where(r => r.Fold == 0 && r.Features is not null).ToList();

        var answered = held.Where(r => r.Answerable && r.Cited).Average(r => model.Answers(r.Features!) ? 1.0 : 0.0);
        var declined = held.Where(r => !r.Answerable).Average(r => model.Answers(r.Features!) ? 0.0 : 1.0);
        output.WriteLine($"fold 0: cited answer lines answered {answered:0.000}, scope lines reaching the decision declined {declined:0.000}");

        Assert.True(answered >= 0.95, $"answered {answered:0.000}");
        Assert.True(declined >= 0.5, $"declined {declined:0.000}");
    }

    private static string Words(string text) => string.Join(' ', TextNormalizer.Tokens(text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
