using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Reminders.ReminderPlanTests;

namespace Bot.Tests.Reminders;

/// <summary>
/// A message that may have reached the channel without being marked goes again as the same message: the same rows
/// under the same <c>channelData.clientActivityID</c>, never folded with rows that fell due since.
/// </summary>
public sealed class ReminderInFlightTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AfterACrashInTheWindowTheMessageGoesAgainUnderItsIdAndNewerRowsGoSeparately()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 6, 22, 0, 0, 0, TimeSpan.Zero));
        string firstId;
        using (var crashing = new ReminderHost(_folder.Path, time))
        {
            firstId = await SendOneAndStopBeforeTheMarkAsync(crashing, time);
            Assert.Equal(firstId, Assert.Single(crashing.Get<IInFlightMessages>().All()).Id);
        }

        // Down until H-3 was late as well: both would fold into one catch-up message, but H-7 may have been seen, so
        // it goes again as it was and H-3 in a message of its own.
        using var restarted = new ReminderHost(_folder.Path, time);
        await restarted.SweepAtAsync(Utc(2027, 6, 26, 2));
        var sent = restarted.Channel.Sent;
        Assert.Equal(2, sent.Count);
        Assert.Equal(firstId, IdOf(sent[0]));
        Assert.NotEqual(firstId, IdOf(sent[1]));
        var rows = restarted.Get<IReminderOutbox>().All().Where(r => r.Status == ReminderStatus.Sent).ToDictionary(r => r.Step);
        Assert.Equal(firstId, rows["H-7"].MessageId);
        Assert.Equal(IdOf(sent[1]), rows["H-3"].MessageId);
        Assert.Empty(restarted.Get<IInFlightMessages>().All());
    }

    [Fact]
    public async Task AFailedSendIsTriedAgainAsTheSameMessageEvenWhenMoreFellDueMeanwhile()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 6, 22, 0, 0, 0, TimeSpan.Zero));
        using var host = new ReminderHost(_folder.Path, time, new Dictionary<string, string?> { ["Reminders:RetryBaseDelay"] = "01:00:00" });
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        host.Register(opd.Id, host.AddUser("fokal", Role.Fokal, opd.Id).Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);

        // A timeout after the request left: the channel may have shown it, so the retry must be recognisable.
        host.Channel.Failure = () => new TaskCanceledException("timed out");
        Assert.Equal(1, (await host.SweepAtAsync(Utc(2027, 6, 23, 0))).Retrying);
        var record = Assert.Single(host.Get<IInFlightMessages>().All());
        Assert.Equal(InFlightMessages.StableId(host.Get<IReminderOutbox>().All().Where(r => r.Step == "H-7")), record.Id);

        host.Channel.Failure = null;
        await host.SweepAtAsync(Utc(2027, 6, 26, 2)); // H-7's retry and the late H-3 together
        var sent = host.Channel.Sent;
        Assert.Equal(2, sent.Count);
        Assert.Equal(record.Id, IdOf(sent[0]));
        Assert.Contains("RA-2027-001", sent[0].Text, StringComparison.Ordinal);
        Assert.NotEqual(record.Id, IdOf(sent[1]));
        Assert.Empty(host.Get<IInFlightMessages>().All());
    }

    /// <summary>
    /// One fokal with one B6 commitment; its first reminder is accepted by the channel and the process stops before
    /// the mark (the crash window). Returns the message's id.
    /// </summary>
    internal static async Task<string> SendOneAndStopBeforeTheMarkAsync(ReminderHost crashing, FakeTimeProvider time)
    {
        var opd = crashing.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        crashing.Register(opd.Id, crashing.AddUser("fokal", Role.Fokal, opd.Id).Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        using var shutdown = new CancellationTokenSource();
        crashing.Channel.AfterAccept = shutdown.Cancel; // accepted, then the process stops before the mark
        time.SetUtcNow(Utc(2027, 6, 23, 0));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashing.Sweep.SweepAsync(shutdown.Token));
        return IdOf(Assert.Single(crashing.Channel.Sent));
    }

    public void Dispose() => _folder.Dispose();

    private static string IdOf(Activity activity) =>
        activity.ChannelData?.GetProperty(ProactiveMessage.ClientActivityIdKey).GetString()
            ?? throw new InvalidOperationException("The reminder carries no clientActivityID.");
}
