using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Telemetry;
using Bot.Tests.Support;
using Bot.Tests.Telemetry;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Reminders.ReminderPlanTests;

namespace Bot.Tests.Reminders;

/// <summary>Killing the host and starting it again loses nothing and sends nothing twice.</summary>
public sealed class ReminderRestartTests : IDisposable
{
    private static readonly DateTimeOffset March = new(2027, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task SendsWhatFellDueWhileDownOnceAsOneLateMessageAndNotAgainAfterASecondRestart()
    {
        var time = new FakeTimeProvider(March);
        using (var before = new ReminderHost(_folder.Path, time))
        {
            var opd = before.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
            var fokal = before.AddUser("fokal", Role.Fokal, opd.Id);
            before.Register(opd.Id, fokal.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
            before.Register(opd.Id, fokal.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
            await before.SweepAtAsync(Utc(2027, 6, 1, 0));
            Assert.Empty(before.Channel.Sent);
        }

        // Down from 1 June to 2 July: H-7, H-3, H-1, the day and "terlambat" of both commitments fell due.
        time.SetUtcNow(new DateTimeOffset(2027, 7, 2, 2, 0, 0, TimeSpan.Zero));
        using (var after = new ReminderHost(_folder.Path, time))
        {
            var result = await after.SweepAtAsync(Utc(2027, 7, 2, 2));
            var late = Assert.Single(after.Channel.Sent);
            Assert.StartsWith("⏳ **Terlambat terkirim**", late.Text, StringComparison.Ordinal);
            Assert.Contains("RA-2027-001", late.Text, StringComparison.Ordinal);
            Assert.Contains("RA-2027-002", late.Text, StringComparison.Ordinal);
            Assert.Equal(10, result.Sent);

            await after.SweepAtAsync(Utc(2027, 7, 2, 3));
            Assert.Single(after.Channel.Sent);
        }

        using var again = new ReminderHost(_folder.Path, time);
        await again.SweepAtAsync(Utc(2027, 7, 2, 4));
        Assert.Empty(again.Channel.Sent);
        Assert.All(again.Get<IReminderOutbox>().All(), r => Assert.Equal(ReminderStatus.Sent, r.Status));
    }

    [Fact]
    public async Task SendsAgainAfterACrashBetweenTheChannelsAcceptanceAndTheMark()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 6, 22, 0, 0, 0, TimeSpan.Zero));
        using (var crashing = new ReminderHost(_folder.Path, time))
        {
            var opd = crashing.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
            crashing.Register(opd.Id, crashing.AddUser("fokal", Role.Fokal, opd.Id).Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);

            // The channel takes the message, then the process stops before the sweep can mark it.
            using var shutdown = new CancellationTokenSource();
            crashing.Channel.AfterAccept = shutdown.Cancel;
            time.SetUtcNow(new DateTimeOffset(2027, 6, 23, 0, 0, 0, TimeSpan.Zero));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashing.Sweep.SweepAsync(shutdown.Token));
            Assert.Single(crashing.Channel.Sent);
            Assert.Equal(ReminderStatus.Sending, crashing.Get<IReminderOutbox>().All().Single(r => r.Step == "H-7").Status);
        }

        using var restarted = new ReminderHost(_folder.Path, time);
        await restarted.SweepAtAsync(Utc(2027, 6, 23, 0).AddSeconds(30));
        Assert.Single(restarted.Channel.Sent); // the documented at-least-once window: the user sees it a second time
        Assert.Equal(ReminderStatus.Sent, restarted.Get<IReminderOutbox>().All().Single(r => r.Step == "H-7").Status);

        await restarted.SweepAtAsync(Utc(2027, 6, 23, 1));
        Assert.Single(restarted.Channel.Sent);
    }

    /// <summary>The reminder metrics of the same situation: rows caught up after downtime count as late, on-time ones do not.</summary>
    [Fact]
    public async Task ASweepAfterDowntimeCountsItsRowsAsLateInTheMetricsAndAnOnTimeSweepDoesNot()
    {
        var time = new FakeTimeProvider(March);
        int organisationId;
        string fokalId;
        using (var before = new ReminderHost(_folder.Path, time))
        {
            organisationId = before.AddOrganisation("DINKES", IndonesianTimeZones.Wita).Id;
            fokalId = before.AddUser("fokal", Role.Fokal, organisationId).Id;
            before.Register(organisationId, fokalId, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        }

        // Down from March to 2 July: every step of the B6 commitment fell due meanwhile.
        time.SetUtcNow(new DateTimeOffset(2027, 7, 2, 2, 0, 0, TimeSpan.Zero));
        using var after = new ReminderHost(_folder.Path, time);
        var telemetry = after.Get<SinergiTelemetry>();
        using var metrics = new MetricRecorder(instrument => ReferenceEquals(instrument.Meter, telemetry.Meter));

        var caughtUp = await after.SweepAtAsync(Utc(2027, 7, 2, 2));
        var afterCatchUp = (Sum(metrics, "sinergi.reminders.due"), Sum(metrics, "sinergi.reminders.sent"), Sum(metrics, "sinergi.reminders.late"));

        after.Register(organisationId, fokalId, new DateOnly(2027, 7, 31), ReportingPeriod.B12);
        var onTime = await after.SweepAtAsync(Utc(2027, 7, 24, 0).AddSeconds(30));

        Assert.True(caughtUp.Claimed > 1);
        Assert.Equal((caughtUp.Claimed, caughtUp.Sent, caughtUp.Claimed), afterCatchUp);
        Assert.True(onTime.Sent >= 1);
        Assert.Equal(
            (caughtUp.Claimed + onTime.Claimed, caughtUp.Sent + onTime.Sent, caughtUp.Claimed),
            (Sum(metrics, "sinergi.reminders.due"), Sum(metrics, "sinergi.reminders.sent"), Sum(metrics, "sinergi.reminders.late")));
    }

    private static int Sum(MetricRecorder metrics, string instrument) => (int)metrics.Of(instrument).Sum(m => m.Value);

    public void Dispose() => _folder.Dispose();
}
