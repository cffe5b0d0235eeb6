using System.Collections.Concurrent;
using Bot.Host.Reminders;
using Bot.Host.Storage.Postgres;
using Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bot.Tests.Storage;

/// <summary>
/// Two hosts' Quartz schedulers on one PostgreSQL database, configured as the host configures them
/// (<see cref="PostgresJobStore"/>), with a job on a cron trigger every second: each scheduled time runs once across
/// both, also while one host restarts (a deploy: it declares and replaces the trigger again).
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresJobStoreTests(PostgresServer server) : IDisposable
{
    private static readonly JobKey ProbeKey = new("probe", "tests");

    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();
    private readonly string _connectionString = server.CreateDatabase();

    [Fact]
    public async Task A_cron_job_fires_once_per_schedule_across_two_hosts_and_a_restart()
    {
        var firings = new ConcurrentBag<(string Host, DateTimeOffset Scheduled)>();
        using var hostA = await StartAsync("A", _first.Path, firings);
        using var hostB = await StartAsync("B", _second.Path, firings);
        await UntilAsync(() => firings.Count >= 4);

        // A deploy: A stops and a new A starts, declaring the job and trigger again.
        await hostA.StopAsync(TestContext.Token);
        var before = firings.Count;
        using var hostA2 = await StartAsync("A2", _first.Path, firings);
        await UntilAsync(() => firings.Count >= before + 4);
        await hostA2.StopAsync(TestContext.Token);
        await hostB.StopAsync(TestContext.Token);

        var repeated = firings.GroupBy(f => f.Scheduled).Where(g => g.Count() > 1).Select(g => $"{g.Key:HH:mm:ss} on {string.Join(",", g.Select(f => f.Host))}").ToList();
        Assert.True(repeated.Count == 0, "Fired more than once: " + string.Join("; ", repeated));
        Assert.True(firings.Count >= 8);
    }

    [Fact]
    public async Task A_changed_schedule_replaces_the_stored_trigger_and_an_unchanged_one_is_kept()
    {
        var firings = new ConcurrentBag<(string Host, DateTimeOffset Scheduled)>();
        using (var before = await StartAsync("old", _first.Path, firings, "probe@every-second", "* * * * * ?"))
        {
            await before.StopAsync(TestContext.Token);
        }

        using var after = await StartAsync("new", _second.Path, firings, "probe@every-two-seconds", "0/2 * * * * ?");
        var scheduler = await after.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Token);
        var stored = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("tests"), TestContext.Token);
        await after.StopAsync(TestContext.Token);

        Assert.Equal(["probe@every-two-seconds"], stored.Select(k => k.Name));
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private async Task<IHost> StartAsync(
        string name, string dataDirectory, ConcurrentBag<(string, DateTimeOffset)> firings, string trigger = "probe@every-second", string cron = "* * * * * ?")
    {
        var declared = new DeclaredTriggers();
        declared.Keys.Add(new TriggerKey(trigger, "tests"));
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:DataDirectory"] = dataDirectory,
            ["ConnectionStrings:Sinergi"] = _connectionString,
        });
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddPostgresStorage(builder.Configuration);
        builder.Services.AddSingleton(new ProbeLog(name, firings));
        builder.Services.AddQuartz(q =>
        {
            q.UseClusteredPostgresStore();
            q.AddJob<ProbeJob>(j => j.WithIdentity(ProbeKey));
            q.AddTrigger(t => t.ForJob(ProbeKey).WithIdentity(trigger, "tests")
                .WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        builder.Services.Configure<QuartzOptions>(PostgresJobStore.KeepStoredSchedules);
        builder.Services.AddSingleton(declared);
        builder.Services.AddHostedService<UndeclaredTriggerRemoval>();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        var host = builder.Build();
        await host.StartAsync(TestContext.Token);
        return host;
    }

    private static async Task UntilAsync(Func<bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The probe job did not fire often enough.");
            await Task.Delay(100, TestContext.Token);
        }
    }

    private sealed record ProbeLog(string Host, ConcurrentBag<(string, DateTimeOffset)> Firings);

    [DisallowConcurrentExecution]
    private sealed class ProbeJob(ProbeLog log) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            log.Firings.Add((log.Host, context.ScheduledFireTimeUtc ?? context.FireTimeUtc));
            return ValueTask.CompletedTask;
        }
    }
}
