using Quartz;

namespace Bot.Host.Reminders;

/// <summary>
/// Logs each job firing with its trigger's scheduled time and when it fired (Debug, category
/// <c>Bot.Host.Reminders.JobFiringLog</c>), so that "a schedule fired once across the cluster" can be read from the hosts'
/// logs (the three-host kill test does). The two differ when a trigger was held back: behind a dead node's execution, a
/// serial job's trigger waits for the cluster to recover that node and then fires with its old scheduled time.
/// </summary>
internal sealed partial class JobFiringLog(ILogger<JobFiringLog> logger) : IJobListener
{
    public string Name => nameof(JobFiringLog);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogFiring(context.JobDetail.Key.ToString(), (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime, context.FireTimeUtc.UtcDateTime, context.Recovering);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    [LoggerMessage(EventId = 1302, Level = LogLevel.Debug, Message = "Job firing: {Job} scheduled {Scheduled:O} fired {Fired:O} recovering {Recovering}")]
    private partial void LogFiring(string job, DateTime scheduled, DateTime fired, bool recovering);
}
