using Bot.Dialogs.Domain;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// What to do with the classifier's answer. The thresholds were chosen by 5-fold cross-validation on the
/// training files (eval-nlu --cross-validate; BENCHMARKS.md), never on the held-back set: at or above
/// <see cref="Run"/> the intent runs; between <see cref="Clarify"/> and it, the bot asks "Maksud Anda: A atau
/// B?" with the likely intents; below, a question goes to Q&amp;A and anything else gets help.
/// </summary>
public sealed record ConfidencePolicy(double Run, double Clarify, double Option, double Interrupt)
{
    /// <summary>The policy the bot uses.</summary>
    public static ConfidencePolicy Default { get; } = new(Run: 0.55, Clarify: 0.25, Option: 0.12, Interrupt: 0.8);

    public const int MaxOptions = 3;

    /// <summary>The decision and, for a clarifying question, the intents to offer (best first).</summary>
    public (RouteDecision Decision, IReadOnlyList<string> Alternatives) Decide(
        IReadOnlyList<LabelScore> ranked, bool questionShaped, Role? role)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var top = ranked[0];
        var kind = IntentCatalog.Get(top.Label).Kind;
        if (kind == IntentKind.Question)
        {
            return (RouteDecision.Question, []);
        }

        if (kind == IntentKind.OutOfScope && top.Score >= Clarify)
        {
            return (questionShaped ? RouteDecision.Question : RouteDecision.Help, []);
        }

        if (top.Score >= Run)
        {
            return (RouteDecision.Run, []);
        }

        // In the band where the bot would ask, a question-shaped message goes to Q&A when the readings that lead
        // there (a question about the rules, or something outside Sinergi, which Q&A declines briefly) are together
        // likelier than the best command: the route is chosen by its total probability, not by one label's.
        if (top.Score >= Clarify && questionShaped && QandAMass(ranked) > top.Score)
        {
            return (RouteDecision.Question, []);
        }

        if (top.Score >= Clarify)
        {
            var options = ranked
                .Where(s => s.Score >= Option && IntentCatalog.Get(s.Label).Kind is IntentKind.Command or IntentKind.Steering or IntentKind.Conversation)
                .Where(s => role is not { } r || IntentCatalog.Get(s.Label).AllowedFor(r))
                .Take(MaxOptions)
                .Select(s => s.Label)
                .ToList();
            if (options.Count > 0)
            {
                return (RouteDecision.Clarify, options);
            }
        }

        return (questionShaped ? RouteDecision.Question : RouteDecision.Help, []);
    }

    private static double QandAMass(IReadOnlyList<LabelScore> ranked) =>
        ranked.Where(s => IntentCatalog.Contains(s.Label) && IntentCatalog.Get(s.Label).Kind is IntentKind.Question or IntentKind.OutOfScope).Sum(s => (double)s.Score);
}
