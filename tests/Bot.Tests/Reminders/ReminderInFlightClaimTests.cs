using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Reminders.ReminderInFlightTests;
using static Bot.Tests.Reminders.ReminderPlanTests;

namespace Bot.Tests.Reminders;

/// <summary>
/// On LiteDB the messages in flight ride in the claim document (<see cref="LiteDbReminderClaims"/>): the sweep writes
/// nothing per message before the send, a crash leaves the message readable from the claim, and only a message whose
/// rows went back to pending after it may have left is written on its own, so that it survives the claim's settling.
/// </summary>
public sealed class ReminderInFlightClaimTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AMessageInFlightAtACrashIsReadFromItsClaimDocumentAndGoesAgainUnderItsId()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 6, 22, 0, 0, 0, TimeSpan.Zero));
        string firstId;
        using (var crashing = new ReminderHost(_folder.Path, time))
        {
            firstId = await SendOneAndStopBeforeTheMarkAsync(crashing, time);

            // Nothing was written for the message itself: the claim document carries it with its rows.
            var raw = crashing.Get<SinergiDatabase>().Raw;
            Assert.Equal(0, raw.GetCollection(LiteDbReminderClaims.RecordsCollectionName).Count());
            var claim = Assert.Single(raw.GetCollection(LiteDbReminderClaims.ClaimsCollectionName).FindAll());
            var message = Assert.Single(claim["Messages"].AsArray).AsDocument;
            Assert.Equal(firstId, message["_id"].AsString);
            Assert.Equal("single", message["Shape"].AsString);
            var record = Assert.Single(crashing.Get<IInFlightMessages>().All());
            Assert.Equal(firstId, record.Id);
            Assert.Equal(crashing.Get<IReminderOutbox>().All().Single(r => r.Step == "H-7").Id, Assert.Single(record.Keys));
        }

        using var restarted = new ReminderHost(_folder.Path, time);
        Assert.Equal(firstId, Assert.Single(restarted.Get<IInFlightMessages>().All()).Id);
        await restarted.SweepAtAsync(Utc(2027, 6, 23, 1));
        Assert.Equal(firstId, IdOf(Assert.Single(restarted.Channel.Sent)));
        Assert.Empty(restarted.Get<IInFlightMessages>().All());
        Assert.Equal(firstId, restarted.Get<IReminderOutbox>().All().Single(r => r.Step == "H-7").MessageId);
    }

    [Fact]
    public async Task AFailedSendIsRecordedOnItsOwnAndGoesAgainUnderItsIdAfterItsClaimIsSettled()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 6, 22, 0, 0, 0, TimeSpan.Zero));
        using var host = new ReminderHost(_folder.Path, time, new Dictionary<string, string?> { ["Reminders:RetryBaseDelay"] = "01:00:00" });
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        host.Register(opd.Id, host.AddUser("fokal", Role.Fokal, opd.Id).Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        var raw = host.Get<SinergiDatabase>().Raw;

        host.Channel.Failure = () => new TaskCanceledException("timed out");
        Assert.Equal(1, (await host.SweepAtAsync(Utc(2027, 6, 23, 0))).Retrying);
        var id = Assert.Single(host.Get<IInFlightMessages>().All()).Id;
        Assert.Equal(1, raw.GetCollection(LiteDbReminderClaims.RecordsCollectionName).Count());

        // Nothing due half an hour later: the claim is settled and its document goes; the record stays.
        host.Channel.Failure = null;
        Assert.Equal(0, (await host.SweepAtAsync(Utc(2027, 6, 23, 0).AddMinutes(30))).Claimed);
        Assert.Equal(0, raw.GetCollection(LiteDbReminderClaims.ClaimsCollectionName).Count());
        Assert.Equal(id, Assert.Single(host.Get<IInFlightMessages>().All()).Id);

        Assert.Equal(1, (await host.SweepAtAsync(Utc(2027, 6, 23, 2))).Sent);
        Assert.Equal(id, IdOf(Assert.Single(host.Channel.Sent)));
        Assert.Empty(host.Get<IInFlightMessages>().All());
        Assert.Equal(0, raw.GetCollection(LiteDbReminderClaims.RecordsCollectionName).Count());
    }

    [Fact]
    public void AClaimRolledBackHoldsNoRow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 6, 22, 0, 0, 0, TimeSpan.Zero));
        using var host = new ReminderHost(_folder.Path, time);
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        host.Register(opd.Id, host.AddUser("fokal", Role.Fokal, opd.Id).Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        var outbox = host.Get<IReminderOutbox>();
        var row = outbox.All().First(r => r.Step == "H-7");
        var claimed = outbox.Get(row.Id)!;
        claimed.Status = ReminderStatus.Sending;
        claimed.ClaimId = "claim-1";
        claimed.ClaimedAt = Utc(2027, 6, 23, 0);
        claimed.WakeAt = Utc(2027, 6, 23, 0).AddMinutes(5);
        var message = new InFlightMessage { Id = "rem-1", RecipientId = row.RecipientId, Keys = [row.Id], Shape = "single" };

        Assert.Throws<InvalidOperationException>(() => host.Get<IStorageTransactions>().Run(() =>
        {
            Assert.True(outbox.Claim([claimed], [message]));
            Assert.Equal(ReminderStatus.Sending, outbox.Get(row.Id)!.Status);
            throw new InvalidOperationException("the claim's transaction fails");
        }));

        // Not held until the lease runs out: the row reads pending, a turn may write it, and nothing is in flight.
        Assert.Equal(ReminderStatus.Pending, outbox.Get(row.Id)!.Status);
        Assert.Empty(host.Get<IInFlightMessages>().All());
        row.WakeAt = row.WakeAt.AddDays(1);
        outbox.Update(row);
        Assert.Equal(row.WakeAt, outbox.Get(row.Id)!.WakeAt);
    }

    public void Dispose() => _folder.Dispose();

    private static string IdOf(Activity activity) =>
        activity.ChannelData?.GetProperty(ProactiveMessage.ClientActivityIdKey).GetString()
            ?? throw new InvalidOperationException("The reminder carries no clientActivityID.");
}
