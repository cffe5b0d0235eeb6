using Bot.Dialogs.Reminders;
using Quartz;

namespace Bot.Host.Reminders;

/// <summary>Sends the reminders that are due (the logic is in <see cref="ReminderSweep"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class ReminderSweepJob(ReminderSweep sweep) : IJob
{
    public static readonly JobKey Key = new("reminder-sweep", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweep.SweepAsync(cancellationToken);
}
