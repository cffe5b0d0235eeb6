using System.Diagnostics;
using System.Globalization;
using Bot.Bench.Reminders;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Dialogs;
using Bot.Host.Storage.LiteDb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Bot.Host.Web.SignedLinks;

// The reminder benchmark (BENCHMARKS.md, "Reminders"): seeds N commitments into a temp LiteDB file through the
// real planner, then times ONE sweep that finds the due rows, with a channel that accepts everything.
// Usage: dotnet run -c Release --project bench/Bot.Bench.Reminders -- [commitments=100000] [due=10000] [latencyMs=0] [parallelism=16] [folder=temp] [seeded=none]
// seeded: a folder that keeps a copy of the seeded database. When it holds one, the run copies it instead of seeding
// (seeding 100,000 commitments takes minutes to half an hour on a loaded machine); when it does not, the run seeds
// and leaves a copy there. Only the database files are copied, so a copy serves any branch with the same layout.
var commitments = Arg(0, 100_000);
var due = Arg(1, 10_000);
var latencyMs = Arg(2, 0);
var parallelism = Arg(3, 16);
var root = args.Length > 4 ? args[4] : Path.GetTempPath();
var seeded = args.Length > 5 ? args[5] : null;

var folder = Path.Combine(root, "sinergi-bench", Guid.NewGuid().ToString("N"));
var time = new ShiftedTimeProvider();
time.MoveTo(Seeder.PlanningStart);
var channel = new NoOpChannel(TimeSpan.FromMilliseconds(latencyMs));
var services = new ServiceCollection()
    .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
    .AddSingleton<TimeProvider>(time)
    .AddSingleton<IChannelSender>(channel);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:DataDirectory"] = folder,
    ["Reminders:DeliveryParallelism"] = parallelism.ToString(CultureInfo.InvariantCulture),
}).Build();
services.AddBotDialogs(configuration);
services.AddLiteDbStorage(configuration);
services.AddSignedLinks();

try
{
    await using var provider = services.BuildServiceProvider();
    TimeSpan seeding;
    if (seeded is not null && SeedCopy.TryRestore(seeded, folder))
    {
        Console.WriteLine($"Copied the seeded database of {seeded} into {folder} (commitments and due counts are the copy's)");
        seeding = TimeSpan.Zero;
    }
    else
    {
        Console.WriteLine($"Seeding {commitments:N0} commitments ({due:N0} due at the sweep) into {folder}");
        seeding = Seeder.Seed(provider, commitments, due);
        if (seeded is not null)
        {
            SeedCopy.Save(provider, folder, seeded);
        }
    }

    var outbox = provider.GetRequiredService<IReminderOutbox>();
    Console.WriteLine($"Seeded in {seeding.TotalSeconds:F1} s: {outbox.Count():N0} outbox rows, database files {Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length) / 1048576.0:F0} MB");

    // The host has been running since planning. The day before, a sweep with nothing due stages the next day's
    // rows (IReminderOutbox.Stage); timed on its own, as it is work the due sweep no longer does.
    var sweep = provider.GetRequiredService<ReminderSweep>();
    time.MoveTo(Seeder.DueInstant.AddHours(-23));
    var staging = await Measure.RunAsync(() => sweep.SweepAsync(CancellationToken.None));
    Console.WriteLine($"Staging sweep the day before: {staging.Elapsed.TotalSeconds:F2} s, {staging.Cpu.TotalSeconds:F1} s CPU, allocated {staging.AllocatedBytes / 1048576.0:F0} MB, peak working set {staging.PeakWorkingSet / 1048576.0:F0} MB");

    // Now the clock reaches the due instant.
    time.MoveTo(Seeder.DueInstant);
    var query = Stopwatch.StartNew();
    var awake = outbox.FindAwake(Seeder.DueInstant.UtcDateTime, 1_000_000).Count;
    query.Stop();
    Console.WriteLine($"Index query alone: {awake:N0} due rows found in {query.Elapsed.TotalMilliseconds:F0} ms");

    var result = await Measure.RunAsync(() => sweep.SweepAsync(CancellationToken.None));
    Console.WriteLine(result.Describe());
    Console.WriteLine($"Per message: {result.AllocatedBytes / 1024.0 / Math.Max(1, result.Result.Messages):F1} KB allocated, {result.Cpu.TotalMilliseconds / Math.Max(1, result.Result.Messages):F3} ms CPU, {result.Elapsed.TotalMilliseconds / Math.Max(1, result.Result.Messages):F3} ms wall");
    Console.WriteLine($"Channel received {channel.Activities:N0} activities");

    // A minute later nothing is due: that sweep writes out what the claims and marks left over the rows (on LiteDB,
    // IReminderOutbox.Settle), work taken off the due sweep and timed on its own.
    time.MoveTo(Seeder.DueInstant.AddMinutes(1));
    var settling = await Measure.RunAsync(() => sweep.SweepAsync(CancellationToken.None));
    Console.WriteLine($"Settling sweep a minute later: {settling.Elapsed.TotalSeconds:F2} s, {settling.Cpu.TotalSeconds:F1} s CPU, allocated {settling.AllocatedBytes / 1048576.0:F0} MB ({settling.AllocatedBytes / 1024.0 / Math.Max(1, result.Result.Messages):F1} KB per message of the due sweep), peak working set {settling.PeakWorkingSet / 1048576.0:F0} MB");

    var sentRows = outbox.All().Where(r => r.Status == ReminderStatus.Sent).ToList();
    var lateness = sentRows
        .Select(r => (r.SentAt!.Value - r.DueAt).TotalMilliseconds)
        .Order()
        .ToList();
    Console.WriteLine($"Lateness of {lateness.Count:N0} sent rows (sent minus due, sweep started at the due instant): " +
        $"p50 {Percentile(lateness, 0.50):F0} ms, p90 {Percentile(lateness, 0.90):F0} ms, p99 {Percentile(lateness, 0.99):F0} ms, max {lateness.LastOrDefault():F0} ms");

    // What the per-sweep reads of the recipients allocate, read by read (after the timed sweeps: warms nothing they read).
    Console.WriteLine($"Per-sweep reads for the {awake:N0} due rows' recipients:");
    ReadBreakdown.Print(provider, sentRows.Select(r => r.RecipientId).ToHashSet(StringComparer.Ordinal), Seeder.DueInstant.UtcDateTime);
}
finally
{
    Directory.Delete(folder, recursive: true);
}

return 0;

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
