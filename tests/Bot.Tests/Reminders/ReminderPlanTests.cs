using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Reminders;

public sealed class ReminderPlanTests : IDisposable
{
    private static readonly DateTimeOffset March = new(2027, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();

    [Fact]
    public void PlansWarningsOverdueAndEscalationAtEightInTheMorningInTheFokalsZone()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(March));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id);
        var coordinator = host.AddUser("koor", Role.Koordinator, null);

        var commitment = host.Register(opd.Id, fokal.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);

        var rows = host.Get<IReminderOutbox>().ForCommitment(commitment.Id).OrderBy(r => r.DueAt).ToList();
        Assert.Equal(
            [
                ("H-7", fokal.Id, Utc(2027, 6, 23, 0)),
                ("H-3", fokal.Id, Utc(2027, 6, 26, 0)), // 27 June 2027 is a Sunday: the warning moves to Saturday
                ("H-1", fokal.Id, Utc(2027, 6, 29, 0)),
                ("H", fokal.Id, Utc(2027, 6, 30, 0)),
                ("H+1", fokal.Id, Utc(2027, 7, 1, 0)),
                ("H+3", coordinator.Id, Utc(2027, 7, 3, 0)),
                ("H+7", coordinator.Id, Utc(2027, 7, 7, 0)),
            ],
            rows.Select(r => (r.Step, r.RecipientId, r.DueAt)));
        Assert.All(rows, r => Assert.Equal(ReminderStatus.Pending, r.Status));
        Assert.Equal(
            [ReminderKind.Upcoming, ReminderKind.Upcoming, ReminderKind.Upcoming, ReminderKind.Due, ReminderKind.Overdue, ReminderKind.Escalation, ReminderKind.Escalation],
            rows.Select(r => r.Kind));
    }

    [Theory]
    [InlineData(IndonesianTimeZones.Wib, 1)]
    [InlineData(IndonesianTimeZones.Wita, 0)]
    [InlineData(IndonesianTimeZones.Wit, -1)]
    public void ReadsEightOClockInTheOrganisationsZone(string zone, int utcHour)
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(March));
        var opd = host.AddOrganisation("OPD-" + zone, zone);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id);

        var commitment = host.Register(opd.Id, fokal.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);

        var firstWarning = host.Get<IReminderOutbox>().ForCommitment(commitment.Id).Single(r => r.Step == "H-7");
        Assert.Equal(new DateTime(2027, 6, 23, 0, 0, 0, DateTimeKind.Utc).AddHours(utcHour), firstWarning.DueAt);
    }

    [Fact]
    public void PrefersTheUsersOwnZoneOverTheOrganisations()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(March));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id, zone: IndonesianTimeZones.Wit);

        var commitment = host.Register(opd.Id, fokal.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);

        Assert.Equal(Utc(2027, 6, 22, 23), host.Get<IReminderOutbox>().ForCommitment(commitment.Id).Single(r => r.Step == "H-7").DueAt);
    }

    [Fact]
    public void WarnsBeforeAnOwnDeadlineAndMovesThePlanWhenTheDeadlineIsEdited()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(March));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id);
        var commitment = host.Register(opd.Id, fokal.Id, new DateOnly(2027, 3, 15), ReportingPeriod.B6);
        var outbox = host.Get<IReminderOutbox>();
        Assert.Equal(
            [("H-7", Utc(2027, 3, 8, 0)), ("H-3", Utc(2027, 3, 12, 0)), ("H-1", Utc(2027, 3, 13, 0)), ("H", Utc(2027, 3, 15, 0))],
            outbox.ForCommitment(commitment.Id).Where(r => r.IsDeadline).OrderBy(r => r.DueAt).Select(r => (r.Step, r.DueAt)));

        host.Get<ICommitmentStore>().Change(commitment.Id, "Deadline", c => c.Deadline = new DateOnly(2027, 4, 21), c => c.Deadline.ToString("O", System.Globalization.CultureInfo.InvariantCulture), fokal.Id);

        var deadlineRows = outbox.ForCommitment(commitment.Id).Where(r => r.IsDeadline).OrderBy(r => r.DueAt).ToList();
        Assert.Equal([Utc(2027, 4, 14, 0), Utc(2027, 4, 17, 0), Utc(2027, 4, 20, 0), Utc(2027, 4, 21, 0)], deadlineRows.Select(r => r.DueAt));
        Assert.All(deadlineRows, r => Assert.Equal(new DateOnly(2027, 4, 21), r.Target));
        Assert.Equal(5, outbox.ForCommitment(commitment.Id).Count(r => !r.IsDeadline)); // B6 warnings and "terlambat"; no coordinator here
    }

    [Fact]
    public void KeepsNothingPendingForACancelledCommitmentOrAReportedPeriod()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(March));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id);
        host.AddUser("koor", Role.Koordinator, null);
        var cancelled = host.Register(opd.Id, fokal.Id, new DateOnly(2027, 12, 31), ReportingPeriod.B6, ReportingPeriod.B12);
        var reported = host.Register(opd.Id, fokal.Id, new DateOnly(2027, 12, 31), ReportingPeriod.B6, ReportingPeriod.B12);

        host.Get<ICommitmentStore>().Change(cancelled.Id, "Status", c => c.Status = CommitmentStatus.Cancelled, c => c.Status.ToString(), fokal.Id);
        host.Submit(reported, ReportingPeriod.B6, fokal.Id);

        var outbox = host.Get<IReminderOutbox>();
        Assert.Empty(outbox.ForCommitment(cancelled.Id));
        Assert.Equal([ReportingPeriod.B12], outbox.ForCommitment(reported.Id).Select(r => r.Period).Distinct());
    }

    [Fact]
    public void RollsThePlanBackWithTheTransactionThatFailed()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(March));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id);

        Assert.Throws<InvalidOperationException>(() => host.Get<SinergiDatabase>().InTransaction(() =>
        {
            host.Register(opd.Id, fokal.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
            throw new InvalidOperationException("the caller failed after registering");
        }));

        Assert.Empty(host.Get<ICommitmentStore>().ListAll());
        Assert.Equal(0, host.Get<IReminderOutbox>().Count());
    }

    [Fact]
    public void DoesNotPlanStepsWhoseTimeHasAlreadyPassed()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(new DateTimeOffset(2027, 6, 28, 3, 0, 0, TimeSpan.Zero)));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id);

        var commitment = host.Register(opd.Id, fokal.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);

        Assert.Equal(["H-1", "H", "H+1"], host.Get<IReminderOutbox>().ForCommitment(commitment.Id).OrderBy(r => r.DueAt).Select(r => r.Step));
    }

    internal static DateTime Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    public void Dispose() => _folder.Dispose();
}
