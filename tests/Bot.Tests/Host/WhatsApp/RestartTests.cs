using Bot.Host.Channels.WhatsApp;

namespace Bot.Tests.Host.WhatsApp;

public sealed class RestartTests : WhatsAppFixture
{
    [Fact]
    public async Task AMessageQueuedBeforeARestartIsAnsweredAfterIt()
    {
        // A long reorder window keeps the message queued while the first host runs.
        var first = await StartHostAsync(new Dictionary<string, string?> { ["WhatsApp:ReorderWindow"] = "00:00:30" });
        await PostOkAsync(first, Webhook.Envelope([Webhook.Text("wamid.in.restart", "pilih 2", DateTimeOffset.UtcNow)]));
        Assert.Equal(InboxState.Pending, first.Get<IWhatsAppInbox>().Get("wamid.in.restart")?.State);
        await StopHostAsync(first);
        Assert.Empty(Graph.Accepted);

        var second = await StartHostAsync();
        var reply = Assert.Single(await Graph.WaitForAcceptedAsync(1));

        Assert.Equal("button", reply["interactive"]?["type"]?.GetValue<string>());
        Assert.Equal(["wamid.in.restart"], Recorder.Seen.Select(a => a.Id));
        // The retried webhook after the restart is still recognised as a duplicate.
        await PostOkAsync(second, Webhook.Envelope([Webhook.Text("wamid.in.restart", "pilih 2", DateTimeOffset.UtcNow)]));
        await PostOkAsync(second, Webhook.Envelope([Webhook.Text("wamid.in.after", "pilih 3", DateTimeOffset.UtcNow)]));
        await Graph.WaitForAcceptedAsync(2);
        Assert.Equal(["wamid.in.restart", "wamid.in.after"], Recorder.Seen.Select(a => a.Id));
    }
}
