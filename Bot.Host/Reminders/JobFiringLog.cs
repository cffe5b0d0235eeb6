using Quartz;

namespace Bot.Host.Reminders;

/// <summary>
/// Logs each job firing with its trigger's scheduled time (Debug, category <c>Bot.Host.Reminders.JobFiringLog</c>), so
/// that "a schedule fired once across the cluster" can be read from the hosts' logs (the three-host kill test does).
/// </summary>
internal sealed partial class JobFiringLog(ILogger<JobFiringLog> logger) : IJobListener
{
    public string Name => nameof(JobFiringLog);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogFiring(context.JobDetail.Key.ToString(), (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime, context.Recovering);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    [LoggerMessage(EventId = 1302, Level = LogLevel.Debug, Message = "Job firing: {Job} scheduled {Scheduled:O} recovering {Recovering}")]
    private partial void LogFiring(string job, DateTime scheduled, bool recovering);
}
