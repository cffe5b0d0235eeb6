using Bot.Dialogs.Reminders;
using Quartz;

namespace Bot.Host.Reminders;

/// <summary>The daily escalation pass: replans every live commitment against today's people.</summary>
[DisallowConcurrentExecution]
internal sealed class EscalationPassJob(EscalationPass pass) : IJob
{
    public static readonly JobKey Key = new("escalation-pass", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await pass.RunAsync(cancellationToken);
}
