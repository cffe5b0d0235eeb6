using Bot.Host.Channels.WhatsApp;

namespace Bot.Tests.Storage;

/// <summary>The contract of the channels' stores moved to PostgreSQL so far.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public void The_service_window_only_moves_forward()
    {
        var windows = Host.Get<IServiceWindowStore>();
        var at = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.Null(windows.LastInboundAt("628111"));
        Assert.False(windows.IsOpen("628111", at));

        windows.Touch("628111", at);
        windows.Touch("628111", at.AddHours(-3));
        Assert.Equal(at, windows.LastInboundAt("628111"));
        Assert.True(windows.IsOpen("628111", at.AddHours(23)));
        Assert.False(windows.IsOpen("628111", at.AddHours(24)));
        windows.Touch("628111", at.AddHours(20));
        Assert.True(windows.IsOpen("628111", at.AddHours(24)));
    }

    [Fact]
    public void A_numbered_choice_is_used_once()
    {
        var choices = Host.Get<INumberedChoiceStore>();
        choices.Remember("628111", ["Ya", "Tidak"]);
        choices.Remember("628111", ["Pencegahan", "Pemberantasan", "Rehabilitasi"]);
        Assert.Equal("Pemberantasan", choices.Resolve("628111", " 2 "));
        Assert.Null(choices.Resolve("628111", "2"));

        choices.Remember("628111", ["Ya", "Tidak"]);
        Assert.Null(choices.Resolve("628111", "3"));
        Assert.Null(choices.Resolve("628111", "1"));
        choices.Remember("628222", ["Ya"]);
        Assert.Null(choices.Resolve("628222", "satu"));
        Assert.Null(choices.Resolve("628999", "1"));
    }

    [Fact]
    public void The_inbox_drops_a_retried_wamid_and_works_a_conversation_in_sent_order()
    {
        var inbox = Host.Get<IWhatsAppInbox>();
        var now = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.True(inbox.TryEnqueue(Inbound("wamid.2", "62811", now.AddSeconds(-5), "kedua"), now));
        Assert.True(inbox.TryEnqueue(Inbound("wamid.1", "62811", now.AddSeconds(-9), "pertama"), now));
        Assert.True(inbox.TryEnqueue(Inbound("wamid.3", "62811", now.AddSeconds(-5), "ketiga"), now.AddMilliseconds(1)));
        Assert.False(inbox.TryEnqueue(Inbound("wamid.1", "62811", now.AddSeconds(-9), "pertama"), now.AddSeconds(1)));
        Assert.Equal(3, inbox.PendingCount());

        var window = TimeSpan.FromSeconds(2);
        var (early, next) = inbox.ReadyConversations(now.AddSeconds(1), window);
        Assert.Empty(early);
        Assert.Equal(now.AddMilliseconds(1) + window, next);
        var conversation = Assert.Single(inbox.ReadyConversations(now.AddSeconds(3), window).Ready);
        Assert.Equal("pn1:62811", conversation);

        var first = inbox.NextPending(conversation, now.AddSeconds(3))!;
        Assert.Equal("wamid.1", first.Id);
        Assert.Equal("62811", first.WaId);
        Assert.Contains("pertama", first.Json, StringComparison.Ordinal);
        inbox.MarkDone(first, now.AddSeconds(4));
        Assert.Equal("wamid.2", inbox.NextPending(conversation, now.AddSeconds(4))!.Id);

        var done = inbox.Get("wamid.1")!;
        Assert.Equal(InboxState.Done, done.State);
        Assert.Equal(string.Empty, done.Json);
        Assert.Equal(string.Empty, done.WaId);
        Assert.Equal(2, inbox.PendingCount());
    }

    [Fact]
    public void A_failed_inbox_row_backs_off_holds_back_the_later_ones_and_is_given_up_on()
    {
        var inbox = Host.Get<IWhatsAppInbox>();
        var now = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        inbox.TryEnqueue(Inbound("wamid.a", "62822", now.AddSeconds(-2), "satu"), now);
        inbox.TryEnqueue(Inbound("wamid.b", "62822", now.AddSeconds(-1), "dua"), now);
        var row = inbox.NextPending("pn1:62822", now)!;
        inbox.MarkAttemptFailed(row, now, maxAttempts: 2);

        Assert.Null(inbox.NextPending("pn1:62822", now.AddSeconds(4)));
        var (ready, next) = inbox.ReadyConversations(now.AddSeconds(4), TimeSpan.FromSeconds(1));
        Assert.Empty(ready);
        Assert.Equal(now.AddSeconds(5), next);
        row = inbox.NextPending("pn1:62822", now.AddSeconds(5))!;
        Assert.Equal(("wamid.a", 1), (row.Id, row.Attempts));

        inbox.MarkAttemptFailed(row, now.AddSeconds(5), maxAttempts: 2);
        var failed = inbox.Get("wamid.a")!;
        Assert.Equal(InboxState.Failed, failed.State);
        Assert.Equal(string.Empty, failed.Json);
        Assert.Equal("wamid.b", inbox.NextPending("pn1:62822", now.AddSeconds(6))!.Id);
    }

    [Fact]
    public void Finished_inbox_rows_are_pruned_after_the_retention_and_pending_ones_never()
    {
        var inbox = Host.Get<IWhatsAppInbox>();
        var now = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        inbox.TryEnqueue(Inbound("wamid.old", "62833", now, "lama"), now);
        inbox.TryEnqueue(Inbound("wamid.waiting", "62844", now, "menunggu"), now);
        inbox.MarkDone(inbox.NextPending("pn1:62833", now)!, now);

        Assert.Equal(1, inbox.Prune(now.AddDays(8)));
        Assert.Null(inbox.Get("wamid.old"));
        Assert.NotNull(inbox.Get("wamid.waiting"));
        Assert.True(inbox.TryEnqueue(Inbound("wamid.old", "62833", now, "lama"), now.AddDays(8)));
    }

    [Fact]
    public void Outbound_statuses_only_move_forward_and_failed_is_final()
    {
        var outbound = Host.Get<IOutboundMessageStore>();
        var at = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(StatusOutcome.Applied, outbound.Apply(new StatusUpdate("wamid.o1", "delivered", at.AddSeconds(2), "62811", null, null)));
        outbound.RecordAccepted("wamid.o1", "pn1:62811", "reply", at);
        Assert.Equal(StatusOutcome.Stale, outbound.Apply(new StatusUpdate("wamid.o1", "sent", at.AddSeconds(1), "62811", null, null)));
        Assert.Equal(StatusOutcome.Duplicate, outbound.Apply(new StatusUpdate("wamid.o1", "delivered", at.AddSeconds(2), "62811", null, null)));

        var message = outbound.Get("wamid.o1")!;
        Assert.Equal(("delivered", "reply", "pn1:62811"), (message.Status, message.Kind, message.ConversationId));
        Assert.Equal(["delivered", "sent"], message.History.Select(h => h.Status));

        outbound.RecordAccepted("wamid.o2", "pn1:62811", "template", at.AddSeconds(-5));
        Assert.Equal(StatusOutcome.Applied, outbound.Apply(new StatusUpdate("wamid.o2", "failed", at, "62811", 131047, "Re-engagement message")));
        Assert.Equal(StatusOutcome.Stale, outbound.Apply(new StatusUpdate("wamid.o2", "read", at.AddSeconds(1), "62811", null, null)));
        Assert.Equal(("failed", 131047), (outbound.Get("wamid.o2")!.Status, outbound.Get("wamid.o2")!.ErrorCode));
        Assert.Equal(["wamid.o2", "wamid.o1"], outbound.ListByConversation("pn1:62811").Select(m => m.Id));
        Assert.Empty(outbound.ListByConversation("pn1:62899"));
        Assert.Null(outbound.Get("wamid.none"));
    }

    private static InboundMessage Inbound(string wamid, string from, DateTimeOffset sentAt, string text) =>
        new(wamid, from, "pn1", "Ani", sentAt, "text", $"{{\"id\":\"{wamid}\",\"text\":{{\"body\":\"{text}\"}}}}");
}
