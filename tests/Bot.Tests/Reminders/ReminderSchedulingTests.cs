using Bot.Dialogs.Domain;
using Bot.Host.Reminders;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bot.Tests.Reminders;

/// <summary>The host as Program.cs builds it schedules the reminder jobs, one trigger per zone for the 08:00 notices.</summary>
public sealed class ReminderSchedulingTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task SchedulesTheSweepAndEightOClockTriggersInEachIndonesianZone()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.UseSetting("Storage:DataDirectory", _folder.Path));
        _ = app.Server;
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Token);

        var sweep = await scheduler.GetTrigger(new TriggerKey("reminder-sweep@30s", "reminders"), TestContext.Token);
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsAssignableFrom<ISimpleTrigger>(sweep).RepeatInterval);
        foreach (var zone in IndonesianTimeZones.Codes)
        {
            var window = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("window-notice-" + zone + "@0 0 8 * * ?", "reminders"), TestContext.Token));
            var digest = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("weekly-digest-" + zone + "@0 0 8 ? * MON", "reminders"), TestContext.Token));
            Assert.Equal(("0 0 8 * * ?", IndonesianTimeZones.Find(zone).Id, zone), (window.CronExpressionString, window.TimeZone.Id, window.JobDataMap.GetString("zone")));
            Assert.Equal(("0 0 8 ? * MON", IndonesianTimeZones.Find(zone).Id), (digest.CronExpressionString, digest.TimeZone.Id));
        }

        Assert.NotNull(await scheduler.GetTrigger(new TriggerKey("escalation-pass@0 0 6 * * ?", "reminders"), TestContext.Token));
        foreach (var job in new[] { typeof(ReminderSweepJob), typeof(WindowNoticeJob), typeof(WeeklyDigestJob), typeof(EscalationPassJob) })
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(app.Services, job));
        }
    }

    public void Dispose() => _folder.Dispose();
}
