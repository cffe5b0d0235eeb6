using Bot.Knowledge;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Retrieval;

namespace Bot.Tests.Knowledge;

/// <summary>
/// <see cref="KnowledgeOptions.MinBankSimilarity"/> is calibrated on the bank alone, never on an eval set: the
/// similarity that best separates answer-bank questions (each left out in turn, against its nearest other answer
/// question) from not-covered scope-bank questions (against their nearest answer question), by Youden's J.
/// When the bank changes enough to move that point, this test asks for the default to follow.
/// </summary>
public sealed class BankCalibrationTests
{
    [Fact]
    public void TheDefaultBankSimilarityIsTheBanksOwnSeparatingPoint()
    {
        var bank = QuestionBank.Default;
        var texts = bank.Answers.Select(a => a.Text).ToList();
        var matcher = new QuestionMatcher(texts);
        var answerable = texts
            .Select(t => matcher.Match(t, 40).Where(m => !string.Equals(texts[m.Index], t, StringComparison.Ordinal)).Select(m => m.Similarity).DefaultIfEmpty(0).First())
            .ToList();
        var notCovered = bank.Scope.Where(s => s.Label == "not-covered")
            .Select(s => matcher.Match(s.Text, 1).Select(m => m.Similarity).DefaultIfEmpty(0).First())
            .ToList();

        var (best, bestJ) = (0.0, double.MinValue);
        for (var step = 10; step <= 80; step++)
        {
            var threshold = step / 100.0;
            var j = (answerable.Count(s => s >= threshold) / (double)answerable.Count) - (notCovered.Count(s => s >= threshold) / (double)notCovered.Count);
            if (j > bestJ)
            {
                (best, bestJ) = (threshold, j);
            }
        }

        var configured = new KnowledgeOptions().MinBankSimilarity;
        Assert.True(Math.Abs(configured - best) <= 0.02, $"the bank separates best at {best:0.00} (J {bestJ:0.000}); the default is {configured:0.00}");
    }
}
