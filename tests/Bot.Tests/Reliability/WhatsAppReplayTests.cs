using Bot.Host.Channels.WhatsApp;
using Bot.Tests.Host.WhatsApp;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Reliability;

/// <summary>
/// Finding 11 of issue 14: the inbox forgets a wamid after <c>WhatsApp:DeduplicationRetention</c>, and a message
/// replayed after that (Meta's signature is over the body, so an old signed notification stays valid) ran again.
/// A message whose own timestamp is older than the retention is acknowledged and dropped.
/// </summary>
public sealed class WhatsAppReplayTests : WhatsAppFixture
{
    private static readonly DateTimeOffset Start = new(2027, 5, 3, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AMessageReplayedAfterTheRetentionDoesNotRunAgain()
    {
        var time = new FakeTimeProvider(Start);
        var host = await StartHostAsync(time: time);
        var original = Webhook.Envelope([Webhook.Text("wamid.in.old", "pilih 2", Start)]);
        await PostOkAsync(host, original);
        await Graph.WaitForAcceptedAsync(1);
        await EventuallyAsync(() => host.Get<IWhatsAppInbox>().Get("wamid.in.old") is { State: InboxState.Done } row ? row : null);

        // Eight days later the inbox has pruned the row, as the worker does once the retention has passed.
        time.Advance(TimeSpan.FromDays(8));
        host.Get<IWhatsAppInbox>().Prune(time.GetUtcNow() - TimeSpan.FromDays(7));
        Assert.Null(host.Get<IWhatsAppInbox>().Get("wamid.in.old"));

        await PostOkAsync(host, original);
        Assert.Null(host.Get<IWhatsAppInbox>().Get("wamid.in.old"));

        // A fresh message still runs; the replay (older, so it would have run first) did not.
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.new", "Opsi 1", time.GetUtcNow())]));
        await Graph.WaitForAcceptedAsync(2);
        Assert.Equal(["wamid.in.old", "wamid.in.new"], Recorder.Seen.Select(a => a.Id));
    }
}
