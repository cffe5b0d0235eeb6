using Bot.Dialogs.Tips;
using Quartz;

namespace Bot.Host.Reminders;

/// <summary>Tells coordinators how many tips wait (the logic is in <see cref="TipAlerts"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class TipAlertJob(TipAlerts alerts) : IJob
{
    public static readonly JobKey Key = new("tip-alert", "tips");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await alerts.SendDueAsync(cancellationToken);
}
