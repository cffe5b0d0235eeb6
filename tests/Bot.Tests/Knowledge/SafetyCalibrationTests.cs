using System.Globalization;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Retrieval;

namespace Bot.Tests.Knowledge;

/// <summary>
/// The safety screen judged out of fold on the bank (<see cref="SafetyCalibration"/>: five grouped folds, learners
/// trained on four, the fitted decision refitted on four folds' signals to screen the fifth), never on an eval set.
/// The floors are the twelfth round's figures less a margin of a few examples, so a bank or code change that costs
/// recall on situations nobody wrote a line for fails here (BENCHMARKS.md, issue 13, twelfth round).
/// </summary>
public sealed class SafetyCalibrationTests
{
    private static readonly Lazy<SafetyCalibration.Result> Calibration = new(() => SafetyCalibration.Run(QuestionBank.Default));

    /// <summary>
    /// Measured 0.938 / 0.892 (nested, grouped, seed 13); other fold draws gave 0.923 and 0.926 (seeds 7 and 29), so
    /// the floor sits just below them.
    /// </summary>
    private const double MinRecall = 0.92;
    private const double MinRightRoute = 0.88;

    [Fact]
    public void TheFittedDecisionRoutesNewSituationsWithinTheFalseRouteBudget()
    {
        var result = Calibration.Value;
        Assert.True(result.Safety >= 600 && result.Ordinary >= 3000, $"{result.Safety} safety and {result.Ordinary} ordinary texts");
        var report = Report(result);
        Console.WriteLine(report);
        var stacked = result.Stacked;
        Assert.True(stacked.Recall >= MinRecall && stacked.RightRoute >= MinRightRoute, report);
        // The budget is held on the rows the threshold was picked on; a fold read afresh may go a little over it.
        Assert.True(stacked.OrdinaryRouted <= SafetyCalibration.MaxOrdinaryRouted + 0.005, report);
        Assert.True(stacked.RoutedByKind[SafetyCalibration.Outside] <= SafetyCalibration.MaxOutsideRouted, report);
        Assert.True(stacked.RoutedByKind[SafetyCalibration.Answerable] <= 0.045, report);
    }

    [Fact]
    public void TheFittedDecisionBeatsTheHandSetThresholdsAtNoMoreFalseRoutes()
    {
        var result = Calibration.Value;
        var report = Report(result);
        // +0.029 with these folds, +0.024 and +0.015 with two other draws.
        Assert.True(result.Stacked.Recall >= result.HandSet.Recall + 0.015, report);
        Assert.True(result.Stacked.OrdinaryRouted <= result.HandSet.OrdinaryRouted + 0.002, report);
        Assert.True(result.Stacked.RightRoute > result.HandSet.RightRoute, report);
    }

    [Fact]
    public void TheShippedWeightsAreTheOnesTheBankFits()
    {
        var result = Calibration.Value;
        var report = Report(result);
        var shipped = result.Shipped;
        Assert.True(shipped.Recall >= MinRecall && shipped.OrdinaryRouted <= SafetyCalibration.MaxOrdinaryRouted + 0.002
            && shipped.RoutedByKind[SafetyCalibration.Outside] <= SafetyCalibration.MaxOutsideRouted, report);
        // Rows the shipped and the refitted decision disagree on: a changed bank moves a few; many mean the constants
        // in SafetyStack are stale and must be written again from this test's output.
        var disagree = result.Rows.Count(r =>
            SafetyStack.Score(SafetyStack.Weights, r.Features) >= SafetyStack.Threshold != SafetyStack.Score(result.FittedWeights, r.Features) >= result.FittedThreshold);
        Assert.True(disagree <= result.Rows.Count / 200, $"{disagree} rows routed differently; {report}");
    }

    [Fact]
    public void GroupedFoldsKeepVariantsOfOneSituationTogether()
    {
        var bank = QuestionBank.Default;
        var folds = SafetyFolds.Assign(bank, 5, 13);
        foreach (var key in bank.ByKey)
        {
            Assert.Single(key.Select(q => folds.Fold[q.Text]).Distinct());
        }

        var texts = folds.Fold.Keys.ToList();
        var matcher = new QuestionMatcher(texts);
        foreach (var line in bank.Safety.Select(e => e.Text).Distinct(StringComparer.Ordinal))
        {
            foreach (var (index, similarity) in matcher.Match(line, 5))
            {
                if (similarity >= SafetyFolds.SameSituation)
                {
                    Assert.True(folds.Fold[line] == folds.Fold[texts[index]], $"'{line}' and '{texts[index]}' ({similarity:0.00}) are in different folds");
                }
            }
        }

        var sizes = folds.Fold.Values.GroupBy(f => f).Select(g => g.Count()).ToList();
        Assert.True(sizes.Count == 5 && sizes.Min() >= sizes.Max() * 0.8, string.Join(", ", sizes));
    }

    [Fact]
    public void LogisticRegressionFindsTheSeparatingDirection()
    {
        // Safety rows have a high first feature, a low second one; the third is noise.
        var random = new Random(5);
        var rows = Enumerable.Range(0, 400).Select(i =>
        {
            var safety = i % 4 == 0;
            return (new[] { (safety ? 1.0 : 0.0) + (random.NextDouble() * 0.8), (safety ? 0.0 : 1.0) + (random.NextDouble() * 0.8), random.NextDouble() }, safety);
        }).ToList();
        var weights = SafetyStack.Fit(rows);
        Assert.True(weights[1] > 1 && weights[2] < -1 && Math.Abs(weights[3]) < Math.Abs(weights[1]) / 3, string.Join(", ", weights));
        Assert.True(rows.All(r => SafetyStack.Score(weights, r.Item1) >= 0.5 == r.safety || Math.Abs(r.Item1[0] - r.Item1[1]) < 0.2));
    }

    private static string Report(SafetyCalibration.Result result) =>
        string.Join(Environment.NewLine,
        [
            $"grouped folds: {result.Folds.Groups} groups, the largest {result.Folds.Largest} texts, {result.Folds.SafetyGroups} with safety lines; {result.Safety} safety and {result.Ordinary} ordinary texts",
            Line("hand-set thresholds", result.HandSet),
            Line("fitted decision, nested", result.Stacked),
            Line("shipped weights", result.Shipped),
            "refitted weights " + string.Join(", ", result.FittedWeights.Select(w => w.ToString("0.0000", CultureInfo.InvariantCulture)))
                + $", threshold {result.FittedThreshold.ToString("0.0000", CultureInfo.InvariantCulture)}",
        ]);

    private static string Line(string name, SafetyCalibration.Figures f) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name}: recall {f.Recall:0.000}, right route {f.RightRoute:0.000}, same concern {f.SameConcern:0.000}, ordinary routed {f.OrdinaryRouted:0.000}; ")
        + "by concern " + string.Join(", ", f.RecallByConcern.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.000}")))
        + "; routed by kind " + string.Join(", ", f.RoutedByKind.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.000}")))
        + "; wrong routes " + string.Join(", ", f.RoutedAs.Where(p => p.Key.Split(" -> ") is var a && !SafetyCalibration.SameRoute(a[0], a[1])).OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"));
}
