using Bot.Knowledge.Answering;
using Bot.Knowledge.Language;

namespace Bot.Tests.Knowledge;

/// <summary>
/// <see cref="LearnedSafetyScreen.Severest"/>: a crisis (or fear of reporting over a plea for help) wins over the routed
/// concern only when it is at least half as likely as the likeliest concern and likely in itself; a diffuse prediction,
/// as a one-word message or a child's fever gives, keeps its route.
/// </summary>
public sealed class SevereRouteTests
{
    private static ClassifierPrediction Prediction(params (string Label, float Score)[] scores)
    {
        var ranked = scores.Select(s => new LabelScore(s.Label, s.Score)).OrderByDescending(s => s.Score).ToList();
        return new ClassifierPrediction(ranked[0].Label, ranked[0].Score, ranked);
    }

    [Fact]
    public void ACrisisSpokenWithAPleaForHelpGetsTheCrisisAnswer()
    {
        var prediction = Prediction(("help", 0.52f), ("self-harm", 0.41f), ("emergency", 0.02f), ("fear", 0.02f), ("obtain", 0.01f), ("evasion", 0.01f), ("none", 0.01f));

        Assert.Equal(SafetyConcern.SelfHarm, LearnedSafetyScreen.Severest(prediction, SafetyConcern.SeekingHelp));
    }

    [Fact]
    public void ADiffusePredictionKeepsItsRoute()
    {
        // Every concern near 0.1: the emergency is more than half the likeliest, but not likely in itself.
        var prediction = Prediction(("none", 0.40f), ("help", 0.16f), ("emergency", 0.10f), ("fear", 0.12f), ("obtain", 0.08f), ("evasion", 0.07f), ("self-harm", 0.07f));

        Assert.True(0.10f < LearnedSafetyScreen.SevereFloor);
        Assert.Equal(SafetyConcern.SeekingHelp, LearnedSafetyScreen.Severest(prediction, SafetyConcern.SeekingHelp));
    }

    [Fact]
    public void FearOverHelpNeedsTheFloorToo()
    {
        var diffuse = Prediction(("none", 0.45f), ("help", 0.15f), ("fear", 0.12f), ("emergency", 0.06f), ("obtain", 0.08f), ("evasion", 0.07f), ("self-harm", 0.07f));
        var afraid = Prediction(("none", 0.05f), ("help", 0.45f), ("fear", 0.40f), ("emergency", 0.03f), ("obtain", 0.03f), ("evasion", 0.02f), ("self-harm", 0.02f));

        Assert.Equal(SafetyConcern.SeekingHelp, LearnedSafetyScreen.Severest(diffuse, SafetyConcern.SeekingHelp));
        Assert.Equal(SafetyConcern.FearOfReporting, LearnedSafetyScreen.Severest(afraid, SafetyConcern.SeekingHelp));
    }
}
