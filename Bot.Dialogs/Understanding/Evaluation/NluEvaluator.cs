using System.Diagnostics;
using Bot.Dialogs.Understanding.Entities;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding.Evaluation;

/// <summary>
/// Runs labelled utterances through the understanding step and scores it as the issue asks: per-intent precision,
/// recall and F1, accuracy and macro F1, the share sent to clarification, the wrong-flow rate (a command or a form
/// step run that the user did not mean), the worst confused pairs, entity accuracy and the time per message.
/// </summary>
public static class NluEvaluator
{
    /// <summary>The entities the issue sets a target for.</summary>
    public static readonly IReadOnlyList<string> TargetEntities = [EntityNames.CommitmentCode, EntityNames.Period, EntityNames.Organisation];

    /// <summary>Annotated but extracted by a later feature (issue 15's people commands).</summary>
    private static readonly HashSet<string> NotExtracted = new(StringComparer.Ordinal) { EntityNames.Person, EntityNames.Role, EntityNames.JobTitle };

    public static NluReport Run(IReadOnlyList<LabelledExample> examples, MessageUnderstander understander, OrganisationAliases organisations, int confusions = 10)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(understander);
        return Run(examples.Select(e => (e, understander)).ToList(), organisations, confusions);
    }

    /// <summary>Each example with the understander that must judge it (cross-validation gives each fold its own).</summary>
    public static NluReport Run(IReadOnlyList<(LabelledExample Example, MessageUnderstander Understander)> cases, OrganisationAliases organisations, int confusions = 10)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(organisations);
        var examples = cases.Select(c => c.Example).ToList();
        var rows = new List<NluRow>(examples.Count);
        var times = new List<double>(examples.Count);
        var entityGold = new Dictionary<string, int>(StringComparer.Ordinal);
        var entityCorrect = new Dictionary<string, int>(StringComparer.Ordinal);
        var entitySpurious = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (example, understander) in cases)
        {
            var started = Stopwatch.GetTimestamp();
            var interpretation = understander.Understand(example.Text, role: null, english: false);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);

            var errors = ScoreEntities(example, interpretation.Entities, organisations, entityGold, entityCorrect, entitySpurious);
            var predictedKind = IntentCatalog.Get(interpretation.Intent).Kind;
            var wrongFlow = interpretation.Decision == RouteDecision.Run && interpretation.Intent != example.Label
                && predictedKind is IntentKind.Command or IntentKind.Steering;
            var margin = interpretation.Typed || interpretation.Ranked.Count < 2 ? 1 : interpretation.Ranked[0].Score - interpretation.Ranked[1].Score;
            rows.Add(new NluRow(example.Text, example.Label, interpretation.Intent, interpretation.Confidence, interpretation.Decision, wrongFlow, errors) { Margin = margin, NeighboursAgree = interpretation.NeighboursAgree });
        }

        // Steady-state latency: the first pass pays for lazy loading, so the figures come from a second pass.
        times.Clear();
        foreach (var (example, understander) in cases)
        {
            var started = Stopwatch.GetTimestamp();
            understander.Understand(example.Text, role: null, english: false);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        var intents = rows.Select(r => r.Expected).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(intent => Figures(intent, rows)).ToList();
        var entities = entityGold.Keys.Union(entitySpurious.Keys).Order(StringComparer.Ordinal)
            .Select(e => new EntityFigures(e, entityGold.GetValueOrDefault(e), entityCorrect.GetValueOrDefault(e), entitySpurious.GetValueOrDefault(e)))
            .ToList();
        var targetGold = TargetEntities.Sum(e => entityGold.GetValueOrDefault(e));
        var targetCorrect = TargetEntities.Sum(e => entityCorrect.GetValueOrDefault(e));
        times.Sort();
        return new NluReport(
            rows.Count,
            Share(rows, r => r.Expected == r.Predicted),
            intents.Count == 0 ? 0 : intents.Average(i => i.F1),
            Share(rows, r => r.Decision == RouteDecision.Clarify),
            Share(rows, r => r.WrongFlow),
            Share(rows, r => r.Decision == RouteDecision.Help),
            intents,
            rows.Where(r => r.Expected != r.Predicted).GroupBy(r => (r.Expected, r.Predicted))
                .Select(g => new ConfusedPair(g.Key.Expected, g.Key.Predicted, g.Count()))
                .OrderByDescending(p => p.Count).ThenBy(p => p.Expected, StringComparer.Ordinal).Take(confusions).ToList(),
            entities,
            targetGold == 0 ? 1 : (double)targetCorrect / targetGold,
            Percentile(times, 0.50),
            Percentile(times, 0.95),
            rows);
    }

    private static IntentFigures Figures(string intent, List<NluRow> rows)
    {
        var truePositives = rows.Count(r => r.Expected == intent && r.Predicted == intent);
        var predicted = rows.Count(r => r.Predicted == intent);
        var support = rows.Count(r => r.Expected == intent);
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = support == 0 ? 0 : (double)truePositives / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new IntentFigures(intent, support, precision, recall, f1);
    }

    private static List<string> ScoreEntities(
        LabelledExample example, MessageEntities predicted, OrganisationAliases organisations,
        Dictionary<string, int> gold, Dictionary<string, int> correct, Dictionary<string, int> spurious)
    {
        var errors = new List<string>();
        var found = predicted.Mentions.Select(m => (Name: m.Name, Value: Canonical(m.Name, m.Value, organisations))).ToList();
        var expected = example.Entities
            .Select(e => (Name: EntityNames.Canonical(e.Name), Value: Canonical(EntityNames.Canonical(e.Name), e.Value, organisations)))
            .Where(e => !NotExtracted.Contains(e.Name))
            .ToList();
        foreach (var entity in expected)
        {
            gold[entity.Name] = gold.GetValueOrDefault(entity.Name) + 1;
            var index = found.FindIndex(f => f.Name == entity.Name && f.Value == entity.Value);
            if (index >= 0)
            {
                correct[entity.Name] = correct.GetValueOrDefault(entity.Name) + 1;
                found.RemoveAt(index);
            }
            else
            {
                errors.Add($"{entity.Name}={entity.Value} missed");
            }
        }

        foreach (var extra in found)
        {
            spurious[extra.Name] = spurious.GetValueOrDefault(extra.Name) + 1;
            errors.Add($"{extra.Name}={extra.Value} extra");
        }

        return errors;
    }

    /// <summary>One spelling per value, so gold and prediction compare: canonical codes, resolved OPDs, days.</summary>
    private static string Canonical(string name, string value, OrganisationAliases organisations)
    {
        switch (name)
        {
            case EntityNames.Organisation:
                return organisations.Resolve(value)?.ShortName ?? TextNormalizer.Normalize(value);
            case EntityNames.Scope:
                return "all";
            case EntityNames.Amount:
                return decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : Engine.Prompts.IndonesianNumber.TryParse(value, english: false, out var parsed) ? parsed.ToString(System.Globalization.CultureInfo.InvariantCulture) : value;
            case EntityNames.TipCode:
                return Tips.TrackingCode.Normalize(value) ?? StructuredEntities.Find(value).FirstOrDefault(m => m.Name == name)?.Value ?? value.ToUpperInvariant();
            case EntityNames.CommitmentCode or EntityNames.Period or EntityNames.Duration or EntityNames.Year or EntityNames.TimeZone:
                var mention = StructuredEntities.Find(value).FirstOrDefault(m => m.Name == name);
                return mention?.Value ?? value.ToUpperInvariant();
            default:
                return value.ToUpperInvariant();
        }
    }

    private static double Share(List<NluRow> rows, Func<NluRow, bool> predicate) => rows.Count == 0 ? 0 : (double)rows.Count(predicate) / rows.Count;

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
