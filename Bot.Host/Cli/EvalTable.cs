using System.Globalization;
using System.Text;
using Bot.Knowledge.Evaluation;

namespace Bot.Host.Cli;

/// <summary>The eval verb's printed tables: figures per set side by side with the gaps, per kind, and per question.</summary>
internal static class EvalTable
{
    private const int Label = 30;
    private const int Column = 13;

    public static async Task WriteFiguresAsync(IReadOnlyList<(string Name, EvalReport Report)> reports, TextWriter output)
    {
        var text = new StringBuilder();
        Header(text, "figure", reports);
        Line(text, "questions", reports, r => r.Count, integer: true);
        Line(text, "citation hit rate", reports, r => r.HitRate);
        Line(text, "recall@1", reports, r => r.RecallAt1);
        Line(text, "recall@3", reports, r => r.RecallAt3);
        Line(text, "MRR", reports, r => r.Mrr);
        Line(text, "refusal accuracy", reports, r => r.RefusalAccuracy);
        Line(text, "refusal fit", reports, r => r.RefusalFit);
        Line(text, "false-refusal rate", reports, r => r.FalseRefusalRate);
        Line(text, "safety routed", reports, r => r.SafetyRouted);
        Line(text, "latency p50 (ms)", reports, r => r.P50Ms, milliseconds: true);
        Line(text, "latency p95 (ms)", reports, r => r.P95Ms, milliseconds: true);

        var kinds = reports.SelectMany(r => r.Report.Kinds.Keys).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(k => AnswerEvaluator.KnownKinds.Contains(k) ? AnswerEvaluator.KnownKinds.ToList().IndexOf(k) : 99).ToList();
        text.AppendLine().AppendLine("per kind: n, ok (hit / refused / routed as expected)");
        Header(text, "kind", reports);
        foreach (var kind in kinds)
        {
            Line(text, kind + " n", reports, r => r.Kinds.TryGetValue(kind, out var f) ? f.Count : null, integer: true);
            Line(text, kind + " ok", reports, r => r.Kinds.TryGetValue(kind, out var f) ? f.Ok : null);
            if (reports.Any(r => r.Report.Kinds.TryGetValue(kind, out var f) && f.FalseRefusalRate is not null))
            {
                Line(text, kind + " false refusals", reports, r => r.Kinds.TryGetValue(kind, out var f) ? f.FalseRefusalRate : null);
            }
        }

        await output.WriteAsync(text.ToString());
    }

    public static async Task WriteRowsAsync(string name, EvalReport report, TextWriter output)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"== {name}")
            .AppendLine("id         kind          ok    rank  answer        concern          conf    ms     cited");
        foreach (var row in report.Rows)
        {
            var cited = string.Join("; ", row.Answer.Citations.Select(c => c.Key).Distinct(StringComparer.Ordinal));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{row.Question.Id,-10} {row.Question.Kind,-13} {(row.Ok ? "ok" : "FAIL"),-5} {row.Rank,4}  {row.Answer.Kind,-13} {row.Answer.Concern,-15} {row.Answer.Confidence,4:0.00}  {row.ElapsedMs,5:0.0}  {cited}")
                .AppendLine(CultureInfo.InvariantCulture, $"           Q: {row.Question.Question}")
                .AppendLine(CultureInfo.InvariantCulture, $"           expected: {string.Join("; ", row.Question.Sources)}")
                .AppendLine(CultureInfo.InvariantCulture, $"           A: {row.Answer.Text.Replace("\n", " ", StringComparison.Ordinal)}");
        }

        await output.WriteLineAsync(text.ToString());
    }

    private static void Header(StringBuilder text, string title, IReadOnlyList<(string Name, EvalReport Report)> reports)
    {
        text.Append(title.PadRight(Label));
        foreach (var (name, _) in reports)
        {
            text.Append(Fit(name).PadLeft(Column));
        }

        for (var i = 0; i + 1 < reports.Count; i++)
        {
            text.Append(Fit($"gap {i + 1}-{i + 2}").PadLeft(Column));
        }

        text.AppendLine();
    }

    private static void Line(StringBuilder text, string label, IReadOnlyList<(string Name, EvalReport Report)> reports, Func<EvalReport, double?> figure, bool integer = false, bool milliseconds = false)
    {
        text.Append(label.PadRight(Label));
        var values = reports.Select(r => figure(r.Report)).ToList();
        foreach (var value in values)
        {
            text.Append(Format(value, integer, milliseconds).PadLeft(Column));
        }

        for (var i = 0; !integer && !milliseconds && i + 1 < values.Count; i++)
        {
            var gap = values[i] is { } a && values[i + 1] is { } b ? a - b : (double?)null;
            text.Append((gap is { } g ? g.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "—").PadLeft(Column));
        }

        text.AppendLine();
    }

    private static string Format(double? value, bool integer, bool milliseconds) => value switch
    {
        null => "—",
        { } v when integer => v.ToString("0", CultureInfo.InvariantCulture),
        { } v when milliseconds => v.ToString("0.0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    private static string Fit(string name) => name.Length < Column - 1 ? name : name[..(Column - 2)];
}
