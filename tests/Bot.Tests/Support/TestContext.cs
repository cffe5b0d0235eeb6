namespace Bot.Tests.Support;

/// <summary>A cancellation token for one test step (xunit v2 has no TestContext): cancels after two minutes.</summary>
public static class TestContext
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
