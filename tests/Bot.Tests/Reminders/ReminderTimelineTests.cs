using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Reminders.ReminderPlanTests;

namespace Bot.Tests.Reminders;

/// <summary>The policy as a fokal and a coordinator live it: the clock moves, the sweep runs, messages arrive.</summary>
public sealed class ReminderTimelineTests : IDisposable
{
    private static readonly DateTimeOffset March = new(2027, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task SendsEachStepOnTimeAndNothingAfterTheReportIsSubmitted()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(March));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id);
        host.AddUser("koor", Role.Koordinator, null);
        var commitment = host.Register(opd.Id, fokal.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);

        await host.SweepAtAsync(Utc(2027, 6, 22, 23).AddMinutes(59));
        Assert.Empty(host.Channel.Sent);

        await host.SweepAtAsync(Utc(2027, 6, 23, 0)); // Wednesday 08:00 WITA
        var first = Assert.Single(host.Channel.SentTo("fokal"));
        Assert.Contains("RA-2027-001", first.Text, StringComparison.Ordinal);
        Assert.Contains("7 hari lagi", first.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["lapor RA-2027-001 B6", "ingatkan besok RA-2027-001 B6", "tunda 3 hari RA-2027-001 B6", "sudah selesai RA-2027-001 B6"],
            first.SuggestedActions!.Actions.Select(a => a.SentText));
        Assert.All(first.SuggestedActions.Actions, a => Assert.True(a.Title!.Length <= 20));

        await host.SweepAtAsync(Utc(2027, 6, 26, 0)); // H-3 falls on a Sunday: Saturday instead
        await host.SweepAtAsync(Utc(2027, 6, 29, 0));
        await host.SweepAtAsync(Utc(2027, 6, 30, 0));
        Assert.Equal(4, host.Channel.SentTo("fokal").Count);
        Assert.Contains("hari ini", host.Channel.SentTo("fokal")[^1].Text, StringComparison.Ordinal);

        host.Submit(commitment, ReportingPeriod.B6, fokal.Id);
        foreach (var day in new[] { 1, 3, 7, 14 })
        {
            await host.SweepAtAsync(Utc(2027, 7, day, 1));
        }

        Assert.Equal(4, host.Channel.Sent.Count);
        Assert.Empty(host.Channel.SentTo("koor"));
    }

    [Fact]
    public async Task TellsTheFokalItIsLateAndThenEscalatesToTheCoordinators()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(new DateTimeOffset(2027, 6, 30, 2, 0, 0, TimeSpan.Zero)));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id);
        var coordinator = host.AddUser("koor", Role.Koordinator, null);
        opd.CoordinatorUserIds.Add(coordinator.Id);
        host.Get<IOrganisationStore>().Update(opd);
        host.AddUser("other-koor", Role.Koordinator, null);
        host.Register(opd.Id, fokal.Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);

        await host.SweepAtAsync(Utc(2027, 7, 1, 0));
        Assert.Contains("terlambat 1 hari", Assert.Single(host.Channel.SentTo("fokal")).Text, StringComparison.Ordinal);

        await host.SweepAtAsync(Utc(2027, 7, 3, 0));
        await host.SweepAtAsync(Utc(2027, 7, 7, 0));
        var escalations = host.Channel.SentTo("koor");
        Assert.Equal(2, escalations.Count);
        Assert.Contains("**DINKES** belum melaporkan B6 2027", escalations[0].Text, StringComparison.Ordinal);
        Assert.Contains("ingatkan DINKES", escalations[0].SuggestedActions!.Actions.Select(a => a.SentText));
        Assert.Empty(host.Channel.SentTo("other-koor")); // the OPD names its coordinator: only they hear about it
    }

    [Fact]
    public async Task FollowsTheNewDeadlineAfterAnEdit()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(March));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var fokal = host.AddUser("fokal", Role.Fokal, opd.Id);
        var commitment = host.Register(opd.Id, fokal.Id, new DateOnly(2027, 3, 15), ReportingPeriod.B6);

        host.Get<ICommitmentStore>().Change(commitment.Id, "Deadline", c => c.Deadline = new DateOnly(2027, 4, 21), c => c.Title, fokal.Id);

        await host.SweepAtAsync(Utc(2027, 3, 8, 0));
        await host.SweepAtAsync(Utc(2027, 3, 15, 0));
        Assert.Empty(host.Channel.Sent);
        await host.SweepAtAsync(Utc(2027, 4, 14, 0));
        Assert.Contains("Rabu, 21 April 2027", Assert.Single(host.Channel.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReachesEachZoneAtItsOwnEightOClock()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(March));
        foreach (var zone in new[] { IndonesianTimeZones.Wib, IndonesianTimeZones.Wita, IndonesianTimeZones.Wit })
        {
            var opd = host.AddOrganisation("OPD-" + zone, zone);
            host.Register(opd.Id, host.AddUser(zone, Role.Fokal, opd.Id).Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        }

        await host.SweepAtAsync(Utc(2027, 6, 22, 23));
        Assert.Equal(["WIT"], host.Channel.Sent.Select(a => a.Recipient!.Id));
        await host.SweepAtAsync(Utc(2027, 6, 23, 0));
        Assert.Equal(["WIT", "WITA"], host.Channel.Sent.Select(a => a.Recipient!.Id));
        await host.SweepAtAsync(Utc(2027, 6, 23, 1));
        Assert.Equal(["WIT", "WITA", "WIB"], host.Channel.Sent.Select(a => a.Recipient!.Id));
    }

    public void Dispose() => _folder.Dispose();
}
