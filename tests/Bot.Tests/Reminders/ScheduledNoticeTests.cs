using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Reminders.ReminderPlanTests;

namespace Bot.Tests.Reminders;

/// <summary>What the per-zone Quartz triggers queue: window notices and the weekly digest, once each.</summary>
public sealed class ScheduledNoticeTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AnnouncesTheOpenWindowOncePerCommitmentToTheZonesFokal()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        var wita = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        var wib = host.AddOrganisation("DISDIK", IndonesianTimeZones.Wib);
        host.Register(wita.Id, host.AddUser("fokal-wita", Role.Fokal, wita.Id).Id, new DateOnly(2027, 12, 31), ReportingPeriod.B6, ReportingPeriod.B12);
        host.Register(wib.Id, host.AddUser("fokal-wib", Role.Fokal, wib.Id).Id, new DateOnly(2027, 12, 31), ReportingPeriod.B6);
        var notices = host.Get<ScheduledNotices>();

        host.Time.SetUtcNow(new DateTimeOffset(2027, 5, 31, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, notices.QueueWindowNotices(IndonesianTimeZones.Wita)); // not open yet
        host.Time.SetUtcNow(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)); // 08:00 WITA
        Assert.Equal(1, notices.QueueWindowNotices(IndonesianTimeZones.Wita));
        Assert.Equal(0, notices.QueueWindowNotices(IndonesianTimeZones.Wita));

        await host.SweepAtAsync(Utc(2027, 6, 1, 0));
        var notice = Assert.Single(host.Channel.Sent);
        Assert.Equal("fokal-wita", notice.Recipient!.Id);
        Assert.StartsWith("📅 **Jendela pelaporan B6 2027 sudah dibuka**", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuesOneDigestPerCoordinatorPerWeek()
    {
        using var host = new ReminderHost(_folder.Path, new FakeTimeProvider(new DateTimeOffset(2027, 7, 5, 0, 0, 0, TimeSpan.Zero)));
        var opd = host.AddOrganisation("DINKES", IndonesianTimeZones.Wita);
        host.Register(opd.Id, host.AddUser("fokal", Role.Fokal, opd.Id).Id, new DateOnly(2027, 6, 30), ReportingPeriod.B6);
        host.AddUser("koor", Role.Koordinator, null);
        var notices = host.Get<ScheduledNotices>();

        Assert.Equal(1, notices.QueueDigests(null));
        Assert.Equal(0, notices.QueueDigests(null));
        await host.SweepAtAsync(Utc(2027, 7, 5, 0));

        var digest = Assert.Single(host.Channel.SentTo("koor")).Text;
        Assert.StartsWith("📊 **Ringkasan pelaporan**", digest, StringComparison.Ordinal);
        Assert.Contains("**B6 2027** —", digest, StringComparison.Ordinal);
        host.Time.SetUtcNow(new DateTimeOffset(2027, 7, 12, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, notices.QueueDigests(IndonesianTimeZones.Wita));
    }

    public void Dispose() => _folder.Dispose();
}
