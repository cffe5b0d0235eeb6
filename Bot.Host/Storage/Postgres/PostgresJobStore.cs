using Quartz;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Quartz's clustered ADO.NET job store on the Sinergi database (migration 0013 makes its <c>qrtz_</c> tables): every
/// host's scheduler shares one schedule, and a trigger fires on one host only (the row lock on <c>qrtz_locks</c>
/// hands each firing to one node). A host that stops checking in for <see cref="CheckinMisfireThreshold"/> past
/// <see cref="CheckinInterval"/> is taken for dead, and its firings in progress are recovered by another host.
/// Connections come from <see cref="PostgresDatabase"/>, so the schema is migrated before Quartz reads it. Job data
/// is stored as strings (the zone code is the only data).
/// </summary>
internal static class PostgresJobStore
{
    /// <summary>The scheduler's name: the same on every host, since the cluster is the hosts sharing a name and a database.</summary>
    public const string SchedulerName = "sinergi";

    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(7.5);

    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A starting host leaves the stored jobs and triggers as they are (their next fire time, a pending misfire) and
    /// adds only those missing. Replacing them on every start (Quartz's default) fired a schedule twice when a host
    /// started while another had just acquired the trigger (PostgresJobStoreTests). A schedule that changes therefore
    /// gets a new trigger name (the schedule is part of it), and the old one is removed at start
    /// (<see cref="Reminders.UndeclaredTriggerRemoval"/>). A stored job keeps its class name: renaming a job class
    /// needs a new job key.
    /// </summary>
    public static void KeepStoredSchedules(QuartzOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Scheduling.IgnoreDuplicates = true;
    }

    public static void UseClusteredPostgresStore(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ConfigureScheduler(s => s.InstanceName = SchedulerName);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(source => source.DataSourceFactory = services => services.GetRequiredService<PostgresDatabase>().DataSource);
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = CheckinInterval;
                cluster.CheckinMisfireThreshold = CheckinMisfireThreshold;
            });
            store.ConfigureStore(options => options.StoreJobDataAsStrings = true);
        });
    }
}
