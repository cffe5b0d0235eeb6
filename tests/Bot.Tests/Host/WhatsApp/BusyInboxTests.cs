using Bot.Dialogs.Engine;
using Bot.Host.Channels.WhatsApp;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Host.WhatsApp;

/// <summary>
/// A WhatsApp message whose turn ended <see cref="TurnStatus.Busy"/> (its pattern matches ran out of time in every
/// attempt, forced here by the safety screen) is not marked done: it stays in the inbox and runs again after a back-off,
/// answered once, without the "send it again" apology first (which would make the user send it twice). The attempts
/// are bounded: after the last one the user hears that the server is busy, once, and the row is given up. On main the
/// row was marked done with the apology sent and the message was never answered. Real Kestrel, real LiteDB, the stub
/// Graph server, the back-off on a fake clock.
/// </summary>
public sealed class BusyInboxTests : WhatsAppFixture
{
    private readonly StallingScreen _screen = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AMessageWhoseTurnWasBusyStaysInTheInboxAndIsAnsweredOnceOnTheNextAttempt()
    {
        var host = await StartHostAsync(time: _time, services: _screen.WrapIn);
        _screen.StallNext("pilih", times: TurnProcessor.MaxOutOfTimeAttempts);
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.busy", "pilih 2", _time.GetUtcNow())]));

        var inbox = host.Get<IWhatsAppInbox>();
        await EventuallyAsync(() => inbox.Get("wamid.busy") is { Attempts: 1 } row ? row : null);
        Assert.Equal(InboxState.Pending, inbox.Get("wamid.busy")!.State);
        Assert.Empty(Graph.Accepted);

        await AdvanceUntilAsync(() => Graph.Accepted.Count > 0 ? Graph.Accepted : null);
        var reply = Assert.Single(await Graph.WaitForAcceptedAsync(1));
        Assert.Equal("button", reply["interactive"]?["type"]?.GetValue<string>());
        Assert.Equal(InboxState.Done, (await EventuallyAsync(() => inbox.Get("wamid.busy") is { State: InboxState.Done } row ? row : null)).State);
        Assert.Single(Graph.Accepted);
        Assert.Single(Recorder.Seen, a => a.Id == "wamid.busy");
    }

    [Fact]
    public async Task AfterTheLastAttemptTheUserHearsOnceThatTheServerIsBusyAndTheRowIsGivenUp()
    {
        var host = await StartHostAsync(time: _time, services: _screen.WrapIn);
        _screen.StallNext("bantuan", times: int.MaxValue);
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.busy", "bantuan", _time.GetUtcNow())]));

        var inbox = host.Get<IWhatsAppInbox>();
        await EventuallyAsync(() => inbox.Get("wamid.busy") is { Attempts: 1 } row ? row : null);
        await AdvanceUntilAsync(() => inbox.Get("wamid.busy") is { Attempts: 2 } row ? row : null);
        Assert.Empty(Graph.Accepted);
        await AdvanceUntilAsync(() => Graph.Accepted.Count > 0 ? Graph.Accepted : null);

        var apology = Assert.Single(await Graph.WaitForAcceptedAsync(1));
        Assert.Contains("sedang sibuk", TextBody(apology), StringComparison.Ordinal);
        Assert.Equal(InboxState.Failed, (await EventuallyAsync(() => inbox.Get("wamid.busy") is { State: InboxState.Failed } row ? row : null)).State);
    }

    /// <summary>
    /// Moves the fake clock one second at a time until the probe holds. The worker arms its back-off timer only after
    /// it has written the attempt, so one advance made right after the attempt is seen can come before the timer
    /// exists and be missed (it was, while the whole suite ran). One-second steps never skip a back-off (5 s, 10 s).
    /// </summary>
    private async Task AdvanceUntilAsync<T>(Func<T?> probe) where T : class
    {
        for (var second = 0; second < 120; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            for (var look = 0; look < 25; look++)
            {
                if (probe() is not null)
                {
                    return;
                }

                await Task.Delay(20);
            }
        }

        throw new TimeoutException("The expected state was not reached within 120 s of the fake clock.");
    }
}
