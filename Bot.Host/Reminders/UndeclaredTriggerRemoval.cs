using Quartz;

namespace Bot.Host.Reminders;

/// <summary>
/// With a persistent schedule, a starting host keeps the stored triggers and adds only those missing
/// (<see cref="Storage.Postgres.PostgresJobStore.KeepStoredSchedules"/>). A trigger's name carries its schedule, so a
/// changed schedule is a new trigger; this removes, at start, the stored triggers of our groups that this version
/// no longer declares (the old schedule), so that exactly the declared ones fire.
/// </summary>
internal sealed partial class UndeclaredTriggerRemoval(
    ISchedulerFactory schedulers, DeclaredTriggers declared, ILogger<UndeclaredTriggerRemoval> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var group in declared.Keys.Select(k => k.Group).Distinct(StringComparer.Ordinal))
        {
            var stored = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(group), cancellationToken);
            var stale = stored.Where(key => !declared.Keys.Contains(key)).ToList();
            if (stale.Count > 0)
            {
                await scheduler.UnscheduleJobs(stale, cancellationToken);
                LogRemoved(string.Join(", ", stale));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Removed the stored triggers no longer declared: {Triggers}")]
    private partial void LogRemoved(string triggers);
}

/// <summary>The trigger keys this version of the host declares.</summary>
internal sealed class DeclaredTriggers
{
    public HashSet<TriggerKey> Keys { get; } = [];
}
