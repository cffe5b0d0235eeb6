using System.Globalization;
using System.Text.Json;
using Bot.Knowledge.Evaluation;

namespace Bot.Host.Cli;

/// <summary>
/// <c>eval &lt;questions.jsonl&gt;... [--json file] [--verbose] [--min-hit X] [--min-refusal Y] [--locale id-ID] [--cold]</c>:
/// answers every question through the chat's answerer and prints the quality figures, overall and per kind
/// (lookup, paraphrase, colloquial, multi, out-of-scope, safety). Several files are evaluated side by side,
/// each with its gap to the next ("tuning held-back qa-dev" shows both generalisation gaps). <c>--verbose</c>
/// adds one row per question (id, kind, ok, cited keys, answer kind). Latency is measured on a second pass
/// (steady state) unless <c>--cold</c> is given. The exit code is 3 when a <c>--min-…</c> threshold is missed
/// by any set, 2 for bad arguments.
/// </summary>
internal static class EvalVerb
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, output, error, () => VerbHost.Build().Services, cancellationToken);

    /// <summary>Runs with the given services (tests point them at a temporary folder).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<IServiceProvider> buildServices, CancellationToken cancellationToken)
    {
        if (EvalArguments.Parse(args) is not { } options)
        {
            await error.WriteLineAsync("Usage: eval <questions.jsonl>... [--json <file>] [--verbose] [--min-hit X] [--min-refusal Y] [--locale id-ID] [--cold]");
            return 2;
        }

        var sets = new List<(string Name, IReadOnlyList<EvalQuestion> Questions)>();
        foreach (var path in options.Paths)
        {
            try
            {
                sets.Add((Path.GetFileNameWithoutExtension(path), await EvalQuestion.ReadAsync(path, cancellationToken)));
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot read {path}: {ex.Message}");
                return 2;
            }
        }

        var services = buildServices();
        await using var owner = services as IAsyncDisposable;
        var evaluator = services.GetRequiredService<AnswerEvaluator>();
        var reports = new List<(string Name, EvalReport Report)>();
        foreach (var (name, questions) in sets)
        {
            var report = await evaluator.RunAsync(questions, options.Locale, !options.Cold, cancellationToken);
            reports.Add((name, report));
            if (options.Verbose)
            {
                await EvalTable.WriteRowsAsync(name, report, output);
            }
        }

        await EvalTable.WriteFiguresAsync(reports, output);
        if (options.JsonPath is { } jsonPath)
        {
            object document = reports.Count == 1 ? reports[0].Report : reports.ToDictionary(r => r.Name, r => r.Report);
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(document, Json), cancellationToken);
        }

        var failed = false;
        foreach (var (name, report) in reports)
        {
            if (options.MinHit is { } minHit && report.HitRate < minHit)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name}: citation hit rate {report.HitRate:0.000} is below --min-hit {minHit}."));
                failed = true;
            }

            if (options.MinRefusal is { } minRefusal && report.RefusalAccuracy < minRefusal)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name}: refusal accuracy {report.RefusalAccuracy:0.000} is below --min-refusal {minRefusal}."));
                failed = true;
            }
        }

        return failed ? 3 : 0;
    }
}

/// <summary>The eval verb's arguments: one or more question files and the options.</summary>
internal sealed record EvalArguments(IReadOnlyList<string> Paths, string? JsonPath, bool Verbose, double? MinHit, double? MinRefusal, string Locale, bool Cold = false)
{
    /// <summary>The first question file.</summary>
    public string Path => Paths[0];

    public static EvalArguments? Parse(string[] args)
    {
        var paths = new List<string>();
        string? json = null, locale = "id-ID";
        double? minHit = null, minRefusal = null;
        var verbose = false;
        var cold = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--verbose" or "-v":
                    verbose = true;
                    break;
                case "--cold":
                    cold = true;
                    break;
                case "--json" when i + 1 < args.Length:
                    json = args[++i];
                    break;
                case "--locale" when i + 1 < args.Length:
                    locale = args[++i];
                    break;
                case "--min-hit" when i + 1 < args.Length && TryRatio(args[i + 1], out var hit):
                    minHit = hit;
                    i++;
                    break;
                case "--min-refusal" when i + 1 < args.Length && TryRatio(args[i + 1], out var refusal):
                    minRefusal = refusal;
                    i++;
                    break;
                case var a when !a.StartsWith('-'):
                    paths.Add(a);
                    break;
                default:
                    return null;
            }
        }

        return paths.Count == 0 ? null : new EvalArguments(paths, json, verbose, minHit, minRefusal, locale, cold);
    }

    public bool Equals(EvalArguments? other) =>
        other is not null && Paths.SequenceEqual(other.Paths) && JsonPath == other.JsonPath && Verbose == other.Verbose
        && MinHit == other.MinHit && MinRefusal == other.MinRefusal && Locale == other.Locale && Cold == other.Cold;

    public override int GetHashCode() => HashCode.Combine(Paths.Count, JsonPath, Verbose, MinHit, MinRefusal, Locale, Cold);

    private static bool TryRatio(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value is >= 0 and <= 1;
}
