using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Tips;
using Bot.Host.Storage;
using Bot.Host.Storage.Postgres;
using Quartz;

namespace Bot.Host.Reminders;

/// <summary>
/// Schedules the reminder jobs with Quartz (the database remembers, DESIGN.md decision 5):
/// the due-reminder sweep every <c>Reminders:SweepInterval</c>, and per zone (WIB, WITA, WIT; one cron trigger
/// each, <c>InTimeZone</c>) the window notices daily at 08:00 and the digest on Mondays at 08:00, plus the daily
/// escalation pass. Per-zone triggers rather than an hourly job that picks OPDs: three triggers say plainly
/// when each zone hears from us, and a job's zone arrives as its data.
/// <para>
/// With LiteDB (one host) the schedule is in memory. With PostgreSQL it is Quartz's clustered job store on the same
/// database (<see cref="PostgresJobStore"/>), so each firing runs on one host. A starting host keeps the stored
/// triggers as they are (their next fire time, a misfire pending) and adds the missing ones; a trigger's name
/// carries its schedule, so a changed schedule is a new trigger and <see cref="UndeclaredTriggerRemoval"/> removes
/// the old one. A cron trigger that missed its time while every host was down fires once when a scheduler is back
/// (fire now, then proceed); a repeating trigger fires once and keeps its interval.
/// </para>
/// </summary>
internal static class RemindersHostExtensions
{
    public const string ZoneKey = "zone";

    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ReminderOptions.SectionName).Get<ReminderOptions>() ?? new ReminderOptions();
        var tips = configuration.GetSection(TipOptions.SectionName).Get<TipOptions>() ?? new TipOptions();
        var declared = new DeclaredTriggers();
        var persistent = StorageServiceCollectionExtensions.IsPostgres(configuration);
        services.AddQuartz(q =>
        {
            if (persistent)
            {
                q.UseClusteredPostgresStore();
            }

            q.AddJobListener<JobFiringLog>();

            q.AddJob<ReminderSweepJob>(j => j.WithIdentity(ReminderSweepJob.Key));
            q.AddTrigger(t => t
                .ForJob(ReminderSweepJob.Key)
                .WithIdentity(Declare(declared, "reminder-sweep@" + options.SweepInterval.TotalSeconds + "s", "reminders"))
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(options.SweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));

            q.AddJob<WindowNoticeJob>(j => j.WithIdentity(WindowNoticeJob.Key));
            q.AddJob<WeeklyDigestJob>(j => j.WithIdentity(WeeklyDigestJob.Key));
            foreach (var zone in IndonesianTimeZones.Codes)
            {
                AddZoneTrigger(q, declared, WindowNoticeJob.Key, zone, "0 0 8 * * ?");
                AddZoneTrigger(q, declared, WeeklyDigestJob.Key, zone, "0 0 8 ? * MON");
            }

            // Replans everything once a day, before the first zone's 08:00 (06:00 WITA is 07:00 WIT).
            q.AddJob<EscalationPassJob>(j => j.WithIdentity(EscalationPassJob.Key));
            q.AddTrigger(t => t
                .ForJob(EscalationPassJob.Key)
                .WithIdentity(Declare(declared, "escalation-pass@0 0 6 * * ?", "reminders"))
                .WithCronSchedule("0 0 6 * * ?", c => c.InTimeZone(IndonesianTimeZones.Find(IndonesianTimeZones.Wita)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

            // Coordinators hear how many tips wait, on a schedule of its own, never from the reporter's turn.
            q.AddJob<TipAlertJob>(j => j.WithIdentity(TipAlertJob.Key));
            q.AddTrigger(t => t
                .ForJob(TipAlertJob.Key)
                .WithIdentity(Declare(declared, "tip-alert@" + tips.AlertInterval.TotalSeconds + "s", "tips"))
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(tips.AlertInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
        });
        if (persistent)
        {
            services.Configure<QuartzOptions>(PostgresJobStore.KeepStoredSchedules);
            services.AddSingleton(declared);
            services.AddHostedService<UndeclaredTriggerRemoval>();
        }

        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static TriggerKey Declare(DeclaredTriggers declared, string name, string group)
    {
        var key = new TriggerKey(name, group);
        declared.Keys.Add(key);
        return key;
    }

    private static void AddZoneTrigger(IQuartzBuilder q, DeclaredTriggers declared, JobKey job, string zone, string cron) =>
        q.AddTrigger(t => t
            .ForJob(job)
            .WithIdentity(Declare(declared, job.Name + "-" + zone + "@" + cron, "reminders"))
            .UsingJobData(ZoneKey, zone)
            .WithCronSchedule(cron, c => c.InTimeZone(IndonesianTimeZones.Find(zone)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
}
