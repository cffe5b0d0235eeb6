using Bot.Knowledge.Answering;
using Bot.Knowledge.Bank;

namespace Bot.Tests.Knowledge;

/// <summary>
/// The safety screen's routing thresholds are judged on the bank (<see cref="SafetyCalibration"/>: five-fold
/// cross-validation of the whole screen), never on an eval set: out of fold they must route at least 0.85 of the
/// bank's safety examples and at most 0.05 of its ordinary questions; the message records where Youden's J and a
/// 0.02 false-route limit would put them. The screen has no domain gate (the best gate is measured and reported),
/// and at most a tenth of the questions from outside the domain may be routed.
/// </summary>
public sealed class SafetyCalibrationTests
{
    [Fact]
    public void TheScreensThresholdsHoldTheirCrossValidatedOperatingPoint()
    {
        var result = SafetyCalibration.Run(QuestionBank.Default);

        Assert.True(result.Safety >= 100 && result.Ordinary >= 1000, $"{result.Safety} safety and {result.Ordinary} ordinary texts");
        var report = $"at the screen's {LearnedSafetyScreen.ClassifierRoute:0.00} / {LearnedSafetyScreen.NeighbourRoute:0.00}: recall {result.Current.Recall:0.000}, ordinary routed {result.Current.FalseRoutes:0.000}; "
            + $"Youden's J would pick {result.YoudenPoint.Classifier:0.00} / {result.YoudenPoint.Neighbour:0.00} (recall {result.YoudenPoint.Recall:0.000}, routed {result.YoudenPoint.FalseRoutes:0.000}); "
            + $"at most {SafetyCalibration.MaxFalseRoutes:0.00} routed: {result.ClassifierRoute:0.00} / {result.NeighbourRoute:0.00} (recall {result.Recall:0.000})";
        Assert.True(result.Current.Recall >= MinRecall && result.Current.FalseRoutes <= MaxRouted, report);

        var gate = $"ungated: recall {result.Ungated.Recall:0.000}, ordinary routed {result.Ungated.FalseRoutes:0.000}, outside routed {result.Ungated.OutsideRoutes:0.000}; "
            + $"gate {result.Gated.Gate:0.00} chosen: recall {result.Gated.Recall:0.000}, ordinary routed {result.Gated.FalseRoutes:0.000}, outside routed {result.Gated.OutsideRoutes:0.000}; "
            + "the screen has no gate";
        Assert.True(result.Ungated.OutsideRoutes <= MaxOutsideRouted, gate);
        Console.WriteLine(report);
        Console.WriteLine(gate);
    }

    /// <summary>The envelope the hand-set thresholds must keep out of fold (BENCHMARKS.md, issue 13 third round).</summary>
    private const double MinRecall = 0.85;
    private const double MaxRouted = 0.05;

    /// <summary>
    /// Questions from outside the domain the screen may route, out of fold: at most what the third round's gate left
    /// (0.130 ungated -> 0.102 gated). Since the eighth round's bank the ungated screen does better (0.089) and the
    /// calibration finds no gate that keeps every safety example, so the screen has none; this keeps it that good.
    /// </summary>
    private const double MaxOutsideRouted = 0.10;
}
