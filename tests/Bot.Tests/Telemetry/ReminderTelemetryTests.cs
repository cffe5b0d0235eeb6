using Bot.Dialogs.Domain;
using Bot.Dialogs.Telemetry;
using Bot.Tests.Reminders;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Reminders.ReminderPlanTests;

namespace Bot.Tests.Telemetry;

/// <summary>The reminder metrics of real sweeps over a real outbox: due, sent, and late (caught up after downtime).</summary>
public sealed class ReminderTelemetryTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ASweepAfterDowntimeCountsItsRowsAsLateAndAnOnTimeSweepDoesNot()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
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
