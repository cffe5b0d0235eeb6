using System.Globalization;
using Bot.Dialogs.Understanding;
using Bot.Dialogs.Understanding.Evaluation;

namespace Bot.Host.Cli;

/// <summary>Writes an eval-nlu report for a terminal: the headline figures, per intent, the confused pairs, the entities.</summary>
internal static class NluReportPrinter
{
    public static async Task PrintAsync(NluReport report, EvalNluArguments options, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var target = string.Join(", ", NluEvaluator.TargetEntities);
        await output.WriteLineAsync(string.Create(c,
            $"""
            examples             {report.Count} ({report.Intents.Count} intents){(options.Folds is { } k ? $", {k}-fold cross-validation" : string.Empty)}
            intent accuracy      {report.Accuracy:0.000}
            macro F1             {report.MacroF1:0.000}
            clarification        {report.ClarificationRate:0.000}
            wrong-flow rate      {report.WrongFlowRate:0.000}
            help fallback        {report.FallbackRate:0.000}
            entity accuracy      {report.TargetEntityAccuracy:0.000} ({target})
            latency p50 / p95    {report.P50Microseconds:0} µs / {report.P95Microseconds:0} µs per message (second pass)

            intent                  n   precision  recall  F1
            """));
        foreach (var intent in report.Intents)
        {
            await output.WriteLineAsync(string.Create(c, $"{intent.Intent,-22} {intent.Support,3}   {intent.Precision,8:0.000}  {intent.Recall,6:0.000}  {intent.F1:0.000}"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("by audience of the gold intent   n   accuracy  clarification  wrong-flow");
        foreach (var group in report.ByAudience)
        {
            await output.WriteLineAsync(string.Create(c, $"  {group.Audience,-30}{group.Count,4}   {group.Accuracy,8:0.000}  {group.ClarificationRate,13:0.000}  {group.WrongFlowRate,10:0.000}"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("worst confused pairs (expected -> predicted: count)");
        foreach (var pair in report.Confusions)
        {
            await output.WriteLineAsync(string.Create(c, $"  {pair.Expected} -> {pair.Predicted}: {pair.Count}"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("entity          gold  correct  spurious  accuracy");
        foreach (var entity in report.Entities)
        {
            await output.WriteLineAsync(string.Create(c, $"{entity.Entity,-14} {entity.Gold,5}  {entity.Correct,7}  {entity.Spurious,8}  {entity.Accuracy:0.000}"));
        }

        if (options.Sweep)
        {
            await PrintSweepAsync(report, output);
        }

        if (options.Verbose)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("misses (expected -> predicted, confidence, decision, entity errors)");
            foreach (var row in report.Rows.Where(r => r.Expected != r.Predicted || r.EntityErrors.Count > 0 || r.WrongFlow))
            {
                await output.WriteLineAsync(string.Create(c,
                    $"  {row.Expected} -> {row.Predicted} {row.Confidence:0.00} {row.Decision}{(row.WrongFlow ? " WRONG-FLOW" : string.Empty)} | {row.Text}{(row.EntityErrors.Count > 0 ? " | " + string.Join("; ", row.EntityErrors) : string.Empty)}"));
            }
        }
    }

    /// <summary>
    /// How the run and clarify thresholds trade wrong flows against clarifying questions on these rows (each row's
    /// top intent and confidence; typed commands are certain). Used on cross-validated training rows to choose the
    /// policy's thresholds; never on the held-back set.
    /// </summary>
    private static async Task PrintSweepAsync(NluReport report, TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync("run   agree  wrong-flow  clarification  right-and-run   (clarify from 0.25)");
        foreach (var run in new[] { 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8 })
        {
            foreach (var agree in new[] { false, true })
            {
                bool Acts(NluRow r) => r.Confidence >= run && (!agree || r.NeighboursAgree) && IsAction(r.Predicted);
                var wrong = (double)report.Rows.Count(r => Acts(r) && r.Predicted != r.Expected) / report.Count;
                var right = (double)report.Rows.Count(r => Acts(r) && r.Predicted == r.Expected) / report.Count;
                var asking = (double)report.Rows.Count(r => !Acts(r) && r.Confidence >= 0.25 && IsAction(r.Predicted)) / report.Count;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{run,4:0.00}  {(agree ? "yes" : "no"),5}  {wrong,10:0.000}  {asking,13:0.000}  {right,13:0.000}"));
            }
        }
    }

    private static bool IsAction(string intent) => IntentCatalog.Get(intent).Kind is IntentKind.Command or IntentKind.Steering;
}
