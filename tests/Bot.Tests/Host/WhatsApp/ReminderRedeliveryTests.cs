using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Host.Channels.WhatsApp;

namespace Bot.Tests.Host.WhatsApp;

/// <summary>
/// WhatsApp's reminder guarantee, at least once with a stable id: a reminder WhatsApp accepted whose answer never
/// reached the bot (the host stopped between the send and the "sent" mark) goes again after the restart, as the
/// same message under the same <c>biz_opaque_callback_data</c>, which WhatsApp hands back in its status webhooks.
/// </summary>
public sealed class ReminderRedeliveryTests : WhatsAppFixture
{
    private static readonly DateTimeOffset UserWrote = new(2027, 6, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset H7 = new(2027, 6, 23, 0, 0, 0, TimeSpan.Zero); // 08:00 WITA, inside the user's window

    [Fact]
    public async Task AReminderCutOffBetweenSendAndMarkGoesAgainUnderTheSameId()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(UserWrote);
        var first = await StartHostAsync(time: time);
        await PostOkAsync(first, Webhook.Envelope([Webhook.Text("wamid.in.halo", "halo", UserWrote)]));
        await Graph.WaitForAcceptedAsync(1);
        RegisterAsFokalWithACommitment(first);

        time.SetUtcNow(H7);
        Graph.HoldNextAnswer();
        using (var crash = new CancellationTokenSource())
        {
            var sweep = first.Get<ReminderSweep>().SweepAsync(crash.Token);
            await Graph.WaitForAcceptedAsync(2);
            await crash.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sweep);
        }

        var held = Graph.Accepted[1];
        var id = held[WhatsAppSender.DeliveryIdField]?.GetValue<string>();
        Assert.Equal(InFlightMessages.StableId(Rows(first).Where(r => r.Step == "H-7")), id);
        Assert.Equal(ReminderStatus.Sending, Assert.Single(Rows(first), r => r.Step == "H-7").Status);
        await StopHostAsync(first);

        time.Advance(TimeSpan.FromMinutes(1));
        var second = await StartHostAsync(time: time);
        var result = await second.Get<ReminderSweep>().SweepAsync(Support.TestContext.Token);

        Assert.Equal((1, 1), (result.Messages, result.Sent));
        var again = Graph.Accepted[2];
        Assert.Equal(id, again[WhatsAppSender.DeliveryIdField]?.GetValue<string>());
        Assert.Equal(held["interactive"]?.ToJsonString(), again["interactive"]?.ToJsonString());
        var row = Assert.Single(Rows(second), r => r.Step == "H-7");
        Assert.Equal((ReminderStatus.Sent, id), (row.Status, row.MessageId));
        Assert.Empty(second.Get<IInFlightMessages>().All());
    }

    private static IReadOnlyList<ReminderItem> Rows(WhatsAppTestHost host) => [.. host.Get<IReminderOutbox>().All()];

    private static void RegisterAsFokalWithACommitment(WhatsAppTestHost host)
    {
        var organisation = host.Get<IOrganisationStore>().Insert(new Organisation { Name = "Dinas Kesehatan", ShortName = "DINKES", TimeZone = IndonesianTimeZones.Wita });
        var users = host.Get<IUserStore>();
        var user = users.GetOrCreate(Bot.Dialogs.Engine.TurnProcessor.UserKey("whatsapp", Webhook.User), "Fokal Satu", "id-ID");
        user.Role = Role.Fokal;
        user.OrganisationId = organisation.Id;
        users.Update(user);
        host.Get<ICommitmentStore>().Register(Bot.Tests.Reminders.ReminderHost.NewCommitment(organisation.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6), user.Id);
    }
}
