using System.Net;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Reminders.ReminderPlanTests;

namespace Bot.Tests.Reminders;

/// <summary>Quiet hours, Sundays, the daily cap and retries, on rows put straight into the outbox.</summary>
public sealed class ReminderDeliveryRulesTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2027, 6, 20, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task HoldsWhatFallsInTheQuietHoursUntilSevenInTheMorning()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(Start));
        var fokal = AddFokal(host, IndonesianTimeZones.Wita);
        Add(host, fokal, "late-evening", Utc(2027, 6, 23, 14).AddMinutes(30)); // 22:30 WITA

        await host.SweepAtAsync(Utc(2027, 6, 23, 14).AddMinutes(30));
        await host.SweepAtAsync(Utc(2027, 6, 23, 22).AddMinutes(59));
        Assert.Empty(host.Channel.Sent);
        Assert.Equal(Utc(2027, 6, 23, 23), host.Get<IReminderOutbox>().Get("late-evening")!.WakeAt); // 07:00 WITA

        await host.SweepAtAsync(Utc(2027, 6, 23, 23));
        Assert.StartsWith("📣", Assert.Single(host.Channel.Sent).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task SkipsSundaysOnlyWhenConfigured(bool skipSundays, int sentOnSunday)
    {
        var settings = new Dictionary<string, string?> { ["Reminders:SkipSundays"] = skipSundays.ToString() };
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(Start), settings);
        var fokal = AddFokal(host, IndonesianTimeZones.Wib);
        Add(host, fokal, "sunday", Utc(2027, 6, 27, 3)); // Sunday 10:00 WIB

        await host.SweepAtAsync(Utc(2027, 6, 27, 3));
        Assert.Equal(sentOnSunday, host.Channel.Sent.Count);

        await host.SweepAtAsync(Utc(2027, 6, 28, 0)); // Monday 07:00 WIB
        Assert.Single(host.Channel.Sent);
    }

    [Fact]
    public async Task SendsNoMoreThanTheDailyCapAndKeepsTheRestForTomorrowMorning()
    {
        var settings = new Dictionary<string, string?> { ["Reminders:MaxMessagesPerUserPerDay"] = "2" };
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(Start), settings);
        var fokal = AddFokal(host, IndonesianTimeZones.Wita);
        foreach (var hour in new[] { 1, 2, 3 })
        {
            Add(host, fokal, "n" + hour, Utc(2027, 6, 23, hour));
            await host.SweepAtAsync(Utc(2027, 6, 23, hour));
        }

        Assert.Equal(2, host.Channel.Sent.Count);
        Assert.Equal(Utc(2027, 6, 24, 0), host.Get<IReminderOutbox>().Get("n3")!.WakeAt); // 08:00 WITA the next day
        await host.SweepAtAsync(Utc(2027, 6, 24, 0));
        Assert.Equal(3, host.Channel.Sent.Count);
    }

    [Fact]
    public async Task RetriesNoSoonerThanTheChannelsRetryAfter()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(Start));
        var fokal = AddFokal(host, IndonesianTimeZones.Wita);
        Add(host, fokal, "busy", Utc(2027, 6, 23, 1));
        host.Channel.Failure = () => new ChannelDeliveryException(HttpStatusCode.TooManyRequests, TimeSpan.FromMinutes(2), "slow down");

        var first = await host.SweepAtAsync(Utc(2027, 6, 23, 1));
        var row = host.Get<IReminderOutbox>().Get("busy")!;
        Assert.Equal((1, ReminderStatus.Pending, 1), (first.Retrying, row.Status, row.Attempts));
        Assert.Equal(Utc(2027, 6, 23, 1).AddMinutes(2), row.WakeAt);

        host.Channel.Failure = null;
        await host.SweepAtAsync(Utc(2027, 6, 23, 1).AddMinutes(1));
        Assert.Empty(host.Channel.Sent);
        await host.SweepAtAsync(Utc(2027, 6, 23, 1).AddMinutes(2));
        Assert.Single(host.Channel.Sent);
    }

    [Fact]
    public async Task BacksOffExponentiallyOnServerErrorsAndGivesUpOnARefusal()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(Start));
        var fokal = AddFokal(host, IndonesianTimeZones.Wita);
        Add(host, fokal, "flaky", Utc(2027, 6, 23, 1));
        host.Channel.Failure = () => new HttpRequestException("bad gateway", null, HttpStatusCode.BadGateway);

        await host.SweepAtAsync(Utc(2027, 6, 23, 1));
        await host.SweepAtAsync(Utc(2027, 6, 23, 1).AddSeconds(30));
        var outbox = host.Get<IReminderOutbox>();
        Assert.Equal(Utc(2027, 6, 23, 1).AddSeconds(90), outbox.Get("flaky")!.WakeAt); // 30 s, then 60 s

        host.Channel.Failure = () => new HttpRequestException("forbidden", null, HttpStatusCode.Forbidden);
        await host.SweepAtAsync(Utc(2027, 6, 23, 1).AddSeconds(90));
        Assert.Equal(ReminderStatus.Failed, outbox.Get("flaky")!.Status);
        Assert.Equal("failed: HTTP 403", outbox.Get("flaky")!.Outcome);
    }

    private static BotUser AddFokal(ReminderHost host, string zone, string account = "fokal")
    {
        var opd = host.AddOrganisation("OPD-" + account, zone);
        return host.AddUser(account, Role.Fokal, opd.Id);
    }

    private static void Add(ReminderHost host, BotUser recipient, string key, DateTime due) =>
        Assert.True(host.Get<IReminderOutbox>().TryAdd(new ReminderItem
        {
            Id = key,
            RecipientId = recipient.Id,
            Kind = ReminderKind.Nudge,
            Step = "nudge",
            CommitmentId = 1,
            CommitmentCode = "RA-2027-001",
            CommitmentTitle = "Sosialisasi",
            Period = ReportingPeriod.B6,
            TargetDate = Utc(2027, 6, 30, 0),
            DueAt = due,
            WakeAt = due,
        }));

    public void Dispose() => _folder.Dispose();
}
