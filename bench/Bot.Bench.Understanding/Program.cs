using Bot.Host.Storage.LiteDb;
using System.Diagnostics;
using System.Globalization;
using Bot.Dialogs;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Understanding;
using Bot.Dialogs.Understanding.Evaluation;
using Bot.Knowledge;
using Bot.Knowledge.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Bot.Host.Web.SignedLinks;

// The understanding benchmark (BENCHMARKS.md, "Understanding"): what the understanding step adds to a turn.
// 1. Training: the embedded training files, once, cold.
// 2. The step alone (safety screen, typed syntax, model, entities with the OPDs stored in LiteDB, policy): every
//    training and held-back utterance, [rounds] times, each timed with Stopwatch.
// 3. Whole turns through TurnProcessor over a real LiteDB file (with regulation Q&A): the same messages, each in a
//    new conversation, and the step timed again on the same message right after its turn.
// Usage: dotnet run -c Release --project bench/Bot.Bench.Understanding -- [rounds=20] [turns=2000] [heldout=eval/nlu-heldout.md]
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var turns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var heldOutPath = args.Length > 2 ? args[2] : "eval/nlu-heldout.md";
var opdsPath = Path.Combine(Path.GetDirectoryName(heldOutPath) ?? ".", "nlu-opds.tsv");

var messages = TrainingExamples.All.Select(e => e.Text).ToList();
if (File.Exists(heldOutPath))
{
    messages.AddRange(ExampleFile.Parse(File.ReadAllText(heldOutPath)).Select(e => e.Text));
}

var organisations = File.Exists(opdsPath) ? OrganisationAliases.Parse(File.ReadAllText(opdsPath)).Organisations : [];
Console.WriteLine($"{messages.Count} messages, {organisations.Count} OPDs, {Environment.ProcessorCount} CPUs, load average {LoadAverage()}");

// 1. Training, cold.
var started = Stopwatch.GetTimestamp();
var model = IntentModel.Default;
Console.WriteLine($"training: {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s for {TrainingExamples.All.Count} examples ({model.Intents.Count} intents)");

// The real services over a temp folder: the OPDs of the eval table stored in LiteDB, the real safety screen.
var folder = Path.Combine(Path.GetTempPath(), "sinergi-bench-nlu", Guid.NewGuid().ToString("N"));
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder }).Build();
var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
services.AddBotDialogs(configuration);
services.AddLiteDbStorage(configuration);
services.AddSignedLinks();
services.AddBotKnowledge(configuration);
var provider = services.BuildServiceProvider();
foreach (var organisation in organisations)
{
    provider.GetRequiredService<Bot.Dialogs.Storage.IOrganisationStore>().Insert(new Organisation { Name = organisation.Name, ShortName = organisation.ShortName });
}

// 2. The step alone.
var understander = provider.GetRequiredService<MessageUnderstander>();
foreach (var message in messages)
{
    understander.Understand(message, Role.Fokal, english: false);
}

var alone = new List<double>(messages.Count * rounds);
var allocated = GC.GetAllocatedBytesForCurrentThread();
for (var round = 0; round < rounds; round++)
{
    foreach (var message in messages)
    {
        var t = Stopwatch.GetTimestamp();
        understander.Understand(message, Role.Fokal, english: false);
        alone.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
    }
}

var perMessageBytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)alone.Count;
Print("step alone", alone);
Console.WriteLine($"  allocated per message: {perMessageBytes / 1024:F1} KiB");

// 3. Whole turns (real pipeline, real LiteDB file, regulation Q&A for the questions) and the step's share of each.
try
{
    var processor = provider.GetRequiredService<TurnProcessor>();
    var step = understander;
    var turnTimes = new List<double>(turns);
    var shares = new List<double>(turns);
    for (var i = 0; i < turns; i++)
    {
        // A new conversation per message, so every message is understood at the top level (no open form).
        var text = messages[i % messages.Count];
        var activity = new Bot.Dialogs.Activities.Activity
        {
            Type = ActivityTypes.Message,
            Id = "m" + i.ToString(CultureInfo.InvariantCulture),
            ChannelId = "bench",
            ServiceUrl = "https://bench.example/",
            From = new ChannelAccount { Id = "u" + (i % 50).ToString(CultureInfo.InvariantCulture), Role = "user" },
            Recipient = new ChannelAccount { Id = "bot", Role = "bot" },
            Conversation = new ConversationAccount { Id = "c" + i.ToString(CultureInfo.InvariantCulture) },
            Text = text,
            Locale = "id-ID",
        };
        var t = Stopwatch.GetTimestamp();
        await processor.ProcessAsync(activity, CancellationToken.None);
        turnTimes.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
        var u = Stopwatch.GetTimestamp();
        step.Understand(text, Role.Warga, english: false);
        shares.Add(Stopwatch.GetElapsedTime(u).TotalMicroseconds);
    }

    Print("whole turn", turnTimes);
    Print("step in those turns", shares);
}
finally
{
    await provider.DisposeAsync();
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
}

static void Print(string what, List<double> micros)
{
    micros.Sort();
    double P(double p) => micros[Math.Min(micros.Count - 1, (int)Math.Ceiling(p * micros.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: n={micros.Count} mean {micros.Average():F0} µs, p50 {P(0.5):F0} µs, p95 {P(0.95):F0} µs, p99 {P(0.99):F0} µs, max {micros[^1]:F0} µs"));
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
