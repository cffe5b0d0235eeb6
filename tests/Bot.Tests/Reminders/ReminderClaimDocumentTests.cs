using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Reminders.ReminderPlanTests;

namespace Bot.Tests.Reminders;

/// <summary>
/// On LiteDB the sweep claims and marks rows with a few documents laid over them instead of rewriting each row
/// (<see cref="LiteDbReminderClaims"/>): every read shows the rows through them, and a sweep with nothing due writes
/// the sent rows out to the history and drops the documents.
/// </summary>
public sealed class ReminderClaimDocumentTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task SentRowsReadAsSentUntilASweepWithNothingDueWritesThemOut()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 6, 22, 0, 0, 0, TimeSpan.Zero));
        using var host = new ReminderHost(_folder.Path, time);
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        host.Register(opd.Id, host.AddUser("fokal", Role.Fokal, opd.Id).Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        var outbox = host.Get<IReminderOutbox>();
        var raw = host.Get<SinergiDatabase>().Raw;

        Assert.Equal(1, (await host.SweepAtAsync(Utc(2027, 6, 23, 0))).Sent);
        var sent = Assert.Single(outbox.All(), r => r.Step == "H-7");
        Assert.Equal(ReminderStatus.Sent, sent.Status);
        Assert.Equal(ReminderItem.Never, sent.WakeAt);
        Assert.Equal(sent, outbox.Get(sent.Id), SameState);

        // The row itself was not rewritten: the claim and the mark are documents of their own.
        Assert.Equal(nameof(ReminderStatus.Pending), raw.GetCollection(LiteDbReminderOutbox.CollectionName).FindById(sent.Id)?["Status"].AsString);
        Assert.Equal(1, raw.GetCollection(LiteDbReminderClaims.ClaimsCollectionName).Count());
        Assert.Equal(1, raw.GetCollection(LiteDbReminderClaims.SentCollectionName).Count());
        Assert.Empty(outbox.FindAwake(Utc(2027, 6, 23, 1), 100));

        // Nothing due an hour later: the sent row moves to the history as it read, and the documents go.
        Assert.Equal(0, (await host.SweepAtAsync(Utc(2027, 6, 23, 1))).Claimed);
        Assert.Equal(nameof(ReminderStatus.Sent), raw.GetCollection(LiteDbReminderOutbox.HistoryCollectionName).FindById(sent.Id)?["Status"].AsString);
        Assert.Null(raw.GetCollection(LiteDbReminderOutbox.CollectionName).FindById(sent.Id));
        Assert.Equal(0, raw.GetCollection(LiteDbReminderClaims.ClaimsCollectionName).Count());
        Assert.Equal(0, raw.GetCollection(LiteDbReminderClaims.SentCollectionName).Count());
        Assert.Equal(sent, outbox.Get(sent.Id), SameState);
    }

    [Fact]
    public void AWriteBasedOnAReadBeforeTheClaimIsRefusedAndAClaimReadsBackAfterARestart()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 6, 22, 0, 0, 0, TimeSpan.Zero));
        string key;
        using (var host = new ReminderHost(_folder.Path, time))
        {
            var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
            host.Register(opd.Id, host.AddUser("fokal", Role.Fokal, opd.Id).Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
            var outbox = host.Get<IReminderOutbox>();
            var before = outbox.All().First(r => r.Step == "H-7");
            key = before.Id;

            var claimed = outbox.Get(key)!;
            claimed.Status = ReminderStatus.Sending;
            claimed.ClaimId = "claim-1";
            claimed.ClaimedAt = Utc(2027, 6, 23, 0);
            claimed.WakeAt = Utc(2027, 6, 23, 0).AddMinutes(5);
            host.Get<IStorageTransactions>().Run(() => outbox.Claim([claimed]));

            // A snooze that read the row as pending before the claim must read it again.
            before.Status = ReminderStatus.Skipped;
            Assert.Throws<StorageConflictException>(() => outbox.Update(before));
            Assert.Throws<StorageConflictException>(() => outbox.Delete(key));
            Assert.Equal(ReminderStatus.Sending, outbox.Get(key)!.Status);
        }

        using var restarted = new ReminderHost(_folder.Path, time);
        var row = restarted.Get<IReminderOutbox>().Get(key)!;
        Assert.Equal(ReminderStatus.Sending, row.Status);
        Assert.Equal("claim-1", row.ClaimId);
        Assert.Equal(Utc(2027, 6, 23, 0).AddMinutes(5), row.WakeAt);
        Assert.Contains(restarted.Get<IReminderOutbox>().FindLeased(Utc(2027, 6, 23, 0), TimeSpan.FromMinutes(10)), r => r.Id == key);
    }

    public void Dispose() => _folder.Dispose();

    private static readonly IEqualityComparer<ReminderItem?> SameState = EqualityComparer<ReminderItem?>.Create(
        (a, b) => a is not null && b is not null && (a.Id, a.Status, a.WakeAt, a.SentAt, a.MessageId, a.ConversationKey, a.Outcome, a.ClaimId)
            == (b.Id, b.Status, b.WakeAt, b.SentAt, b.MessageId, b.ConversationKey, b.Outcome, b.ClaimId));
}
