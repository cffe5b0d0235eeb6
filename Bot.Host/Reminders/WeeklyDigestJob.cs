using Bot.Dialogs.Reminders;
using Quartz;

namespace Bot.Host.Reminders;

/// <summary>Queues the weekly digest for one zone's coordinators on Monday at 08:00 local.</summary>
[DisallowConcurrentExecution]
internal sealed class WeeklyDigestJob(ScheduledNotices notices) : IJob
{
    public static readonly JobKey Key = new("weekly-digest", "reminders");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        notices.QueueDigests(context.MergedJobDataMap.GetString(RemindersHostExtensions.ZoneKey));
        return ValueTask.CompletedTask;
    }
}
