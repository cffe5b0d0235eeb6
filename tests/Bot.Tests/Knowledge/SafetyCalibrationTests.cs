using Bot.Knowledge.Answering;
using Bot.Knowledge.Bank;

namespace Bot.Tests.Knowledge;

/// <summary>
/// The safety screen's routing thresholds are the bank's own (<see cref="SafetyCalibration"/>: five-fold
/// cross-validation, Youden's J), never an eval set's: when the bank changes enough to move them, this test asks the
/// constants to follow.
/// </summary>
public sealed class SafetyCalibrationTests
{
    [Fact]
    public void TheRoutingThresholdsAreTheBanksCrossValidatedSeparatingPoints()
    {
        var result = SafetyCalibration.Run(QuestionBank.Default);

        Assert.True(result.Safety >= 100 && result.Ordinary >= 1000, $"{result.Safety} safety and {result.Ordinary} ordinary texts");
        Assert.True(
            Math.Abs(LearnedSafetyScreen.ClassifierRoute - result.ClassifierRoute) <= 0.02 && Math.Abs(LearnedSafetyScreen.NeighbourRoute - result.NeighbourRoute) <= 0.02,
            $"the bank separates best at classifier {result.ClassifierRoute:0.00} and neighbour {result.NeighbourRoute:0.00} (J {result.J:0.000}, recall {result.Recall:0.000}, ordinary routed {result.FalseRoutes:0.000}); the screen uses {LearnedSafetyScreen.ClassifierRoute:0.00} and {LearnedSafetyScreen.NeighbourRoute:0.00}");
    }
}
