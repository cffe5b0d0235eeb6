using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Host.WhatsApp;

public sealed class ProactiveTests : WhatsAppFixture
{
    private static readonly DateTimeOffset Start = new(2027, 5, 3, 1, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> Template = new()
    {
        ["WhatsApp:ReminderTemplate:Name"] = "pengingat_rencana_aksi",
        ["WhatsApp:ReminderTemplate:Language"] = "id",
        ["WhatsApp:ReminderTemplate:BodyParameters"] = "name, text",
        ["WhatsApp:ReminderTemplate:QuickReplyButtons"] = "2",
    };

    private static Activity Reminder => new()
    {
        Type = ActivityTypes.Message,
        Text = "Pengingat: laporan **B6** untuk RA-2027-001 jatuh tempo besok.\n\nBalas *sudah* bila selesai.",
        TextFormat = "markdown",
        SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Sudah"), CardAction.ImBack("Tunda", "tunda 1 hari")] },
    };

    [Fact]
    public async Task InsideTheWindowAReminderIsAnOrdinaryMessage()
    {
        var (host, time, reference) = await StartAndTalkAsync(Template);
        time.Advance(TimeSpan.FromHours(23));

        await host.Get<ProactiveMessenger>().DeliverAsync(reference, new ProactiveMessage(Reminder, "rem-1", DeliveryRecord.None), TestContext.Token);

        var send = Graph.Accepted[^1];
        Assert.Equal("interactive", Type(send));
        Assert.StartsWith("Pengingat: laporan *B6*", InteractiveBody(send), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideTheWindowAReminderUsesTheConfiguredTemplate()
    {
        var (host, time, reference) = await StartAndTalkAsync(Template);
        time.Advance(TimeSpan.FromHours(25));

        await host.Get<ProactiveMessenger>().DeliverAsync(reference, new ProactiveMessage(Reminder, "rem-1", DeliveryRecord.None), TestContext.Token);

        var send = Graph.Accepted[^1];
        Assert.Equal("template", Type(send));
        Assert.Equal(Webhook.User, send["to"]?.GetValue<string>());
        var template = send["template"]!;
        Assert.Equal("pengingat_rencana_aksi", template["name"]!.GetValue<string>());
        Assert.Equal("id", template["language"]!["code"]!.GetValue<string>());
        var components = template["components"]!.AsArray();
        var body = components[0]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["Fokal Satu", "Pengingat: laporan *B6* untuk RA-2027-001 jatuh tempo besok. Balas _sudah_ bila selesai."], body);
        Assert.Equal(["Sudah", "tunda 1 hari"], components.Skip(1).Select(c => c!["parameters"]![0]!["payload"]!.GetValue<string>()));
        Assert.Equal(["0", "1"], components.Skip(1).Select(c => c!["index"]!.GetValue<string>()));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 7013);
    }

    [Fact]
    public async Task WithoutATemplateTheSendFailsAndTheLogSaysWhy()
    {
        var (host, time, reference) = await StartAndTalkAsync();
        var before = Graph.Attempts;
        time.Advance(TimeSpan.FromHours(30));

        var error = await Assert.ThrowsAsync<Bot.Dialogs.Reminders.ChannelDeliveryException>(() => host.Get<ProactiveMessenger>().DeliverAsync(reference, new ProactiveMessage(Reminder, "rem-1", DeliveryRecord.None), TestContext.Token));

        Assert.Contains("ReminderTemplate", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient); // the reminder sweep fails the row instead of retrying it
        Assert.Equal(before, Graph.Attempts);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.EventId.Id == 7012 && e.Message.Contains("No WhatsApp reminder template", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClosedWindowReportedByWhatsAppFallsBackToTheTemplateOnce()
    {
        var (host, time, reference) = await StartAndTalkAsync(Template);
        time.Advance(TimeSpan.FromHours(2));
        Graph.FailNext(400, 131047);

        await host.Get<ProactiveMessenger>().DeliverAsync(reference, new ProactiveMessage(Reminder, "rem-1", DeliveryRecord.None), TestContext.Token);

        Assert.Equal("template", Type(Graph.Accepted[^1]));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 7014);
    }

    [Fact]
    public async Task ATemplateTapComesBackAsTheReminderAnswerAndReopensTheWindow()
    {
        var (host, time, reference) = await StartAndTalkAsync(Template);
        time.Advance(TimeSpan.FromHours(30));
        await host.Get<ProactiveMessenger>().DeliverAsync(reference, new ProactiveMessage(Reminder, "rem-1", DeliveryRecord.None), TestContext.Token);
        var tap = Webhook.Message("wamid.in.tap", "button", time.GetUtcNow(), Webhook.User, new System.Text.Json.Nodes.JsonObject { ["payload"] = "Opsi 4", ["text"] = "Sudah" });

        await PostOkAsync(host, Webhook.Envelope([tap]));
        await Graph.WaitForAcceptedAsync(3);
        await host.Get<ProactiveMessenger>().DeliverAsync(reference, new ProactiveMessage(Reminder, "rem-1", DeliveryRecord.None), TestContext.Token);

        Assert.Equal("dipilih: Opsi 4", TextBody(Graph.Accepted[2]));
        Assert.Equal("interactive", Type(Graph.Accepted[3]));
    }

    /// <summary>Starts a host on a fake clock, lets the user write once, and returns the stored reference.</summary>
    private async Task<(WhatsAppTestHost Host, FakeTimeProvider Time, ConversationReference Reference)> StartAndTalkAsync(Dictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(Start);
        var host = await StartHostAsync(settings, time);
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.hello", "halo", Start)]));
        await Graph.WaitForAcceptedAsync(1);
        var reference = host.Get<IConversationReferenceStore>().FindLatestForUser(TurnProcessor.UserKey("whatsapp", Webhook.User));
        Assert.NotNull(reference);
        return (host, time, reference);
    }
}
