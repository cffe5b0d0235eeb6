using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Tips;
using Quartz;

namespace Bot.Host.Reminders;

/// <summary>
/// Schedules the reminder jobs with Quartz (in-memory store; the database remembers, DESIGN.md decision 5):
/// the due-reminder sweep every <c>Reminders:SweepInterval</c>, and per zone (WIB, WITA, WIT; one cron trigger
/// each, <c>InTimeZone</c>) the window notices daily at 08:00 and the digest on Mondays at 08:00, plus the daily
/// escalation pass. Per-zone triggers rather than an hourly job that picks OPDs: three triggers say plainly
/// when each zone hears from us, and a job's zone arrives as its data.
/// </summary>
internal static class RemindersHostExtensions
{
    public const string ZoneKey = "zone";

    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ReminderOptions.SectionName).Get<ReminderOptions>() ?? new ReminderOptions();
        var tips = configuration.GetSection(TipOptions.SectionName).Get<TipOptions>() ?? new TipOptions();
        services.AddQuartz(q =>
        {
            q.AddJob<ReminderSweepJob>(j => j.WithIdentity(ReminderSweepJob.Key));
            q.AddTrigger(t => t
                .ForJob(ReminderSweepJob.Key)
                .WithIdentity("reminder-sweep", "reminders")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(options.SweepInterval).RepeatForever()));

            q.AddJob<WindowNoticeJob>(j => j.WithIdentity(WindowNoticeJob.Key));
            q.AddJob<WeeklyDigestJob>(j => j.WithIdentity(WeeklyDigestJob.Key));
            foreach (var zone in IndonesianTimeZones.Codes)
            {
                AddZoneTrigger(q, WindowNoticeJob.Key, zone, "0 0 8 * * ?");
                AddZoneTrigger(q, WeeklyDigestJob.Key, zone, "0 0 8 ? * MON");
            }

            // Replans everything once a day, before the first zone's 08:00 (06:00 WITA is 07:00 WIT).
            q.AddJob<EscalationPassJob>(j => j.WithIdentity(EscalationPassJob.Key));
            q.AddTrigger(t => t
                .ForJob(EscalationPassJob.Key)
                .WithIdentity("escalation-pass", "reminders")
                .WithCronSchedule("0 0 6 * * ?", c => c.InTimeZone(IndonesianTimeZones.Find(IndonesianTimeZones.Wita))));

            // Coordinators hear how many tips wait, on a schedule of its own, never from the reporter's turn.
            q.AddJob<TipAlertJob>(j => j.WithIdentity(TipAlertJob.Key));
            q.AddTrigger(t => t
                .ForJob(TipAlertJob.Key)
                .WithIdentity("tip-alert", "tips")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(tips.AlertInterval).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void AddZoneTrigger(IQuartzBuilder q, JobKey job, string zone, string cron) =>
        q.AddTrigger(t => t
            .ForJob(job)
            .WithIdentity(job.Name + "-" + zone, "reminders")
            .UsingJobData(ZoneKey, zone)
            .WithCronSchedule(cron, c => c.InTimeZone(IndonesianTimeZones.Find(zone))));
}
