using Bot.Dialogs.Domain;
using Bot.Dialogs.Understanding;
using Bot.Knowledge.Language;

namespace Bot.Tests.Understanding;

/// <summary>Run when sure, ask "Maksud Anda …?" when unsure, else Q&amp;A for a question and help for the rest.</summary>
public sealed class ConfidencePolicyTests
{
    private static readonly ConfidencePolicy Policy = new(Run: 0.55, Clarify: 0.25, Option: 0.12, Interrupt: 0.8);

    [Fact]
    public void ASureIntentRuns() =>
        Assert.Equal(RouteDecision.Run, Policy.Decide(Ranked((Intents.RegisterCommitment, 0.8f), (Intents.ReportProgress, 0.1f)), false, Role.Fokal).Decision);

    [Fact]
    public void AnUnsureIntentAsksWithTheLikelyOnesTheUserMayRun()
    {
        var (decision, options) = Policy.Decide(
            Ranked((Intents.RegisterCommitment, 0.4f), (Intents.Missing, 0.3f), (Intents.ReportProgress, 0.2f), (Intents.Question, 0.1f)), false, Role.Fokal);

        Assert.Equal(RouteDecision.Clarify, decision);
        Assert.Equal([Intents.RegisterCommitment, Intents.ReportProgress], options); // chase.missing is for coordinators
    }

    [Fact]
    public void BelowTheBandAQuestionGoesToQandAAndTheRestToHelp()
    {
        var unsure = Ranked((Intents.RegisterCommitment, 0.2f), (Intents.ReportProgress, 0.19f));

        Assert.Equal(RouteDecision.Question, Policy.Decide(unsure, questionShaped: true, Role.Warga).Decision);
        Assert.Equal(RouteDecision.Help, Policy.Decide(unsure, questionShaped: false, Role.Warga).Decision);
    }

    [Fact]
    public void AQuestionAlwaysGoesToQandAAndOutOfScopeToHelp()
    {
        Assert.Equal(RouteDecision.Question, Policy.Decide(Ranked((Intents.Question, 0.3f), (Intents.ReportTip, 0.29f)), false, null).Decision);
        Assert.Equal(RouteDecision.Help, Policy.Decide(Ranked((Intents.OutOfScope, 0.9f)), false, null).Decision);
    }

    [Fact]
    public void AnUnsureQuestionGoesToQandAWhenTheQandAReadingsTogetherOutweighTheBestCommand()
    {
        // Out of scope 0.22 + a question 0.15 outweigh a tip check at 0.26: Q&A (which declines briefly), not "Maksud Anda".
        var spread = Ranked((Intents.CheckTip, 0.26f), (Intents.OutOfScope, 0.22f), (Intents.Question, 0.15f), (Intents.ReportTip, 0.12f));
        Assert.Equal(RouteDecision.Question, Policy.Decide(spread, questionShaped: true, Role.Warga).Decision);

        // Not worded as a question, the same scores still ask; and a command that outweighs them still asks.
        Assert.Equal(RouteDecision.Clarify, Policy.Decide(spread, questionShaped: false, Role.Warga).Decision);
        var command = Ranked((Intents.CheckTip, 0.45f), (Intents.OutOfScope, 0.2f), (Intents.Question, 0.1f), (Intents.ReportTip, 0.12f));
        Assert.Equal(RouteDecision.Clarify, Policy.Decide(command, questionShaped: true, Role.Warga).Decision);
    }

    private static List<LabelScore> Ranked(params (string Label, float Score)[] scores) => [.. scores.Select(s => new LabelScore(s.Label, s.Score))];
}
