using Bot.Dialogs.Reminders;
using Quartz;

namespace Bot.Host.Reminders;

/// <summary>Queues the B6/B12 window notices for one zone's fokal at 08:00 local.</summary>
[DisallowConcurrentExecution]
internal sealed class WindowNoticeJob(ScheduledNotices notices) : IJob
{
    public static readonly JobKey Key = new("window-notice", "reminders");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        notices.QueueWindowNotices(context.MergedJobDataMap.GetString(RemindersHostExtensions.ZoneKey));
        return ValueTask.CompletedTask;
    }
}
