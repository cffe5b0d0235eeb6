using Bot.Host.Channels.WhatsApp;

namespace Bot.Tests.Host.WhatsApp;

public sealed class DeliveryTests : WhatsAppFixture
{
    private static readonly string Conversation = Webhook.PhoneNumberId + ":" + Webhook.User;

    [Fact]
    public async Task ARateLimitedSendIsRetriedAndDeliveredOnce()
    {
        var host = await StartHostAsync();
        Graph.FailNext(429, 130429);
        Graph.FailNext(400, 131056);

        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.rl", "pilih 2", DateTimeOffset.UtcNow)]));

        var sent = Assert.Single(await Graph.WaitForAcceptedAsync(1));
        Assert.Equal(3, Graph.Attempts);
        var record = await EventuallyAsync(() => host.Get<IOutboundMessageStore>().Get("wamid.out.1"));
        Assert.Equal(Conversation, record.ConversationId);
        Assert.Equal("reply", record.Kind);
        Assert.Equal("interactive", Type(sent));
    }

    [Fact]
    public async Task AnErrorThatIsNotARateLimitIsNotRepeated()
    {
        var host = await StartHostAsync();
        Graph.FailNext(400, 131009);

        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.e1", "pilih 2", DateTimeOffset.UtcNow)]));
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.e2", "pilih 3", DateTimeOffset.UtcNow.AddSeconds(1))]));

        var sent = Assert.Single(await Graph.WaitForAcceptedAsync(1));
        Assert.Equal(3, sent["interactive"]!["action"]!["buttons"]!.AsArray().Count);
        Assert.Equal(2, Graph.Attempts);
        Assert.Equal(InboxState.Done, (await EventuallyAsync(() => host.Get<IWhatsAppInbox>().Get("wamid.in.e1") is { State: InboxState.Done } r ? r : null)).State);
    }

    [Fact]
    public async Task ARejectedAccessTokenIsLoggedAsAConfigurationError()
    {
        var host = await StartHostAsync(new Dictionary<string, string?> { ["WhatsApp:AccessToken"] = "expired" });

        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.token", "halo", DateTimeOffset.UtcNow)]));

        await EventuallyAsync(() => host.Logs.Entries.Any(e => e.EventId.Id == 7016) ? host : null);
        Assert.Empty(Graph.Accepted);
        Assert.Equal(1, Graph.Attempts);
    }

    [Fact]
    public async Task DeliveryStatusesOnlyMoveForwardAndFailedIsFinal()
    {
        var host = await StartHostAsync();
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.s", "pilih 2", DateTimeOffset.UtcNow)]));
        await Graph.WaitForAcceptedAsync(1);
        await EventuallyAsync(() => host.Get<IOutboundMessageStore>().Get("wamid.out.1"));
        var t = DateTimeOffset.UtcNow;

        await PostOkAsync(host, Webhook.Envelope(statuses: [Webhook.Status("wamid.out.1", "delivered", t.AddSeconds(2))]));
        await PostOkAsync(host, Webhook.Envelope(statuses: [Webhook.Status("wamid.out.1", "read", t.AddSeconds(3)), Webhook.Status("wamid.out.1", "sent", t.AddSeconds(1))]));
        await PostOkAsync(host, Webhook.Envelope(statuses: [Webhook.Status("wamid.out.1", "read", t.AddSeconds(3)), Webhook.Status("wamid.out.1", "delivered", t.AddSeconds(2))]));
        // A status for a message we have not recorded yet (it raced ahead of the send's answer) is kept too.
        await PostOkAsync(host, Webhook.Envelope(statuses: [
            Webhook.Status("wamid.out.race", "sent", t),
            Webhook.Status("wamid.out.race", "failed", t.AddSeconds(1), errorCode: 131026),
            Webhook.Status("wamid.out.race", "delivered", t.AddSeconds(2)),
        ]));

        var store = host.Get<IOutboundMessageStore>();
        var first = store.Get("wamid.out.1")!;
        Assert.Equal("read", first.Status);
        Assert.Equal(["delivered", "read", "sent"], first.History.Select(h => h.Status));
        var failed = store.Get("wamid.out.race")!;
        Assert.Equal("failed", failed.Status);
        Assert.Equal(131026, failed.ErrorCode);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 7005 && e.Message.Contains("131026", StringComparison.Ordinal));
    }
}
