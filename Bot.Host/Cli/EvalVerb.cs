using System.Globalization;
using System.Text.Json;
using Bot.Knowledge.Evaluation;

namespace Bot.Host.Cli;

/// <summary>
/// <c>eval &lt;questions.jsonl&gt; [--json file] [--verbose] [--min-hit X] [--min-refusal Y] [--locale id-ID] [--cold]</c>:
/// answers every question through the chat's answerer and prints the quality figures. Latency is measured on
/// a second pass (steady state) unless <c>--cold</c> is given. The exit code is 3
/// when a <c>--min-…</c> threshold is missed, 2 for bad arguments.
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
            await error.WriteLineAsync("Usage: eval <questions.jsonl> [--json <file>] [--verbose] [--min-hit X] [--min-refusal Y] [--locale id-ID] [--cold]");
            return 2;
        }

        IReadOnlyList<EvalQuestion> questions;
        try
        {
            questions = await EvalQuestion.ReadAsync(options.Path, cancellationToken);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read {options.Path}: {ex.Message}");
            return 2;
        }

        var services = buildServices();
        await using var owner = services as IAsyncDisposable;
        var report = await services.GetRequiredService<AnswerEvaluator>().RunAsync(questions, options.Locale, !options.Cold, cancellationToken);
        if (options.Verbose)
        {
            await WriteTableAsync(report, output);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"""
            questions            {report.Count} ({report.Answerable} answerable, {report.Unanswerable} not)
            citation hit rate    {report.HitRate:0.000}
            recall@1             {report.RecallAt1:0.000}
            recall@3             {report.RecallAt3:0.000}
            MRR                  {report.Mrr:0.000}
            refusal accuracy     {report.RefusalAccuracy:0.000}
            false-refusal rate   {report.FalseRefusalRate:0.000}
            latency p50 / p95    {report.P50Ms:0.0} ms / {report.P95Ms:0.0} ms
            """));

        if (options.JsonPath is { } jsonPath)
        {
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, Json), cancellationToken);
        }

        var failed = false;
        if (options.MinHit is { } minHit && report.HitRate < minHit)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Citation hit rate {report.HitRate:0.000} is below --min-hit {minHit}."));
            failed = true;
        }

        if (options.MinRefusal is { } minRefusal && report.RefusalAccuracy < minRefusal)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Refusal accuracy {report.RefusalAccuracy:0.000} is below --min-refusal {minRefusal}."));
            failed = true;
        }

        return failed ? 3 : 0;
    }

    private static async Task WriteTableAsync(EvalReport report, TextWriter output)
    {
        await output.WriteLineAsync("id         kind          ok  rank  answer       conf    ms     citations");
        foreach (var row in report.Rows)
        {
            var ok = row.Question.Answerable ? (row.Hit ? "hit" : "MISS") : (row.Declined ? "ok" : "ANS");
            var citations = string.Join("; ", row.Answer.Citations.Select(c => c.Key));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{row.Question.Id,-10} {row.Question.Kind,-13} {ok,-4} {row.Rank,4}  {row.Answer.Kind,-12} {row.Answer.Confidence,4:0.00}  {row.ElapsedMs,5:0.0}  {citations}"));
            await output.WriteLineAsync($"           Q: {row.Question.Question}");
            await output.WriteLineAsync($"           A: {row.Answer.Text.Replace("\n", " ", StringComparison.Ordinal)}");
        }

        await output.WriteLineAsync();
    }
}

/// <summary>The eval verb's arguments.</summary>
internal sealed record EvalArguments(string Path, string? JsonPath, bool Verbose, double? MinHit, double? MinRefusal, string Locale, bool Cold = false)
{
    public static EvalArguments? Parse(string[] args)
    {
        string? path = null, json = null, locale = "id-ID";
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
                case var a when !a.StartsWith('-') && path is null:
                    path = a;
                    break;
                default:
                    return null;
            }
        }

        return path is null ? null : new EvalArguments(path, json, verbose, minHit, minRefusal, locale, cold);
    }

    private static bool TryRatio(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value is >= 0 and <= 1;
}
