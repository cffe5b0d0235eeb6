namespace Bot.Dialogs.Understanding.Evaluation;

/// <summary>The figures of one evaluation run (eval-nlu).</summary>
public sealed record NluReport(
    int Count,
    double Accuracy,
    double MacroF1,
    double ClarificationRate,
    double WrongFlowRate,
    double FallbackRate,
    IReadOnlyList<IntentFigures> Intents,
    IReadOnlyList<ConfusedPair> Confusions,
    IReadOnlyList<EntityFigures> Entities,
    double TargetEntityAccuracy,
    double P50Microseconds,
    double P95Microseconds,
    IReadOnlyList<NluRow> Rows)
{
    /// <summary>
    /// The figures by who the gold intent is for (a coordinator's, a fokal's, anyone's commands: the wording of each
    /// role), so a role whose commands are understood worse shows.
    /// </summary>
    public IReadOnlyList<AudienceFigures> ByAudience => Rows
        .Where(r => IntentCatalog.Contains(r.Expected))
        .GroupBy(r => IntentCatalog.Get(r.Expected).Audience)
        .OrderBy(g => g.Key)
        .Select(g => new AudienceFigures(
            g.Key, g.Count(), Share(g, r => r.Expected == r.Predicted), Share(g, r => r.Decision == RouteDecision.Clarify), Share(g, r => r.WrongFlow)))
        .ToList();

    private static double Share(IEnumerable<NluRow> rows, Func<NluRow, bool> predicate)
    {
        var list = rows.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(predicate) / list.Count;
    }
}

/// <summary>Accuracy, clarification and wrong-flow rate over the utterances whose gold intent is for one audience.</summary>
public sealed record AudienceFigures(Audience Audience, int Count, double Accuracy, double ClarificationRate, double WrongFlowRate);

/// <summary>Precision, recall and F1 of one intent, with its number of gold examples.</summary>
public sealed record IntentFigures(string Intent, int Support, double Precision, double Recall, double F1);

/// <summary>How often a gold intent was taken for another.</summary>
public sealed record ConfusedPair(string Expected, string Predicted, int Count);

/// <summary>Gold entities of one name found with the right value, and entities predicted that the gold does not have.</summary>
public sealed record EntityFigures(string Entity, int Gold, int Correct, int Spurious)
{
    public double Accuracy => Gold == 0 ? 1 : (double)Correct / Gold;
}

/// <summary>One utterance: gold and predicted intent, decision, confidence, entity outcome.</summary>
public sealed record NluRow(string Text, string Expected, string Predicted, double Confidence, RouteDecision Decision, bool WrongFlow, IReadOnlyList<string> EntityErrors)
{
    /// <summary>How far the best intent is ahead of the second (1 for a typed command).</summary>
    public double Margin { get; init; } = 1;

    /// <summary>The nearest training examples agreed with the predicted intent.</summary>
    public bool NeighboursAgree { get; init; } = true;
}
