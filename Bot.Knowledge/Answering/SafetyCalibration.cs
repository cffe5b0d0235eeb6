using Bot.Knowledge.Bank;
using Bot.Knowledge.Language;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The safety screen judged out of fold on the bank alone, and its decision fitted there.
/// Every distinct bank text is screened by learners trained on the other folds (<see cref="SafetyFolds"/>: grouped,
/// so that variants of one situation are held out together), which gives each text its
/// <see cref="SafetySignals"/>. From them:
/// <list type="bullet">
/// <item>the screen's decision (<see cref="SafetyStack"/>, a logistic regression over the signals) is fitted on all
/// texts, with its threshold the lowest that routes at most <see cref="MaxOrdinaryRouted"/> of the ordinary texts
/// and at most <see cref="MaxOutsideRouted"/> of those from outside the domain;</item>
/// <item>the method is judged honestly by fitting it again on four folds' signals and screening the fifth
/// (<see cref="Result.Stacked"/>), so no figure is read on the rows its weights came from;</item>
/// <item>the hand-set decision of rounds one to eleven (<see cref="HandSetRoute"/>) is replayed on the same signals
/// for comparison.</item>
/// </list>
/// Figures are given per concern, per kind of ordinary text (answerable, not covered, outside, the safety bank's
/// hard negatives), and with the route taken: a fear-of-reporting message sent to the emergency answer is a wrong
/// route.
/// </summary>
internal static class SafetyCalibration
{
    /// <summary>
    /// The false-route budget: ordinary texts (answer, scope and the safety bank's hard negatives) routed to safety
    /// out of fold. The hand-set screen routed 0.052 of them with grouped folds (0.038 with folds drawn line by line),
    /// so the fitted decision is held to the same rate; a safety answer in place of an ordinary one is a false refusal,
    /// and a looser screen sent a form's short answers to safety in chat (InterruptionTests).
    /// </summary>
    public const double MaxOrdinaryRouted = 0.05;

    /// <summary>Questions from outside the domain the screen may route (issue 13, third round: what the gate left).</summary>
    public const double MaxOutsideRouted = 0.10;

    /// <summary>Kinds of ordinary text, for false routes by kind.</summary>
    public const string Answerable = "answerable";
    public const string NotCovered = "not-covered";
    public const string Outside = "outside";
    public const string HardNegative = "hard negative";

    /// <summary>One distinct bank text with its out-of-fold signals and its fold.</summary>
    internal sealed record Scored(string Text, string Label, string Kind, int Fold, SafetySignals Signals)
    {
        public bool Safety => Label != LearnedSafetyScreen.None;

        public double[] Features { get; } = SafetyStack.Features(Signals);
    }

    /// <summary>How a decision did out of fold.</summary>
    public sealed record Figures(
        double Recall, double RightRoute, double SameConcern, double OrdinaryRouted,
        IReadOnlyDictionary<string, double> RecallByConcern, IReadOnlyDictionary<string, double> RoutedByKind,
        IReadOnlyDictionary<string, int> RoutedAs);

    public sealed record Result(
        SafetyFolds.Result Folds, int Safety, int Ordinary, Figures HandSet, Figures Stacked, Figures Shipped,
        double[] FittedWeights, double FittedThreshold, IReadOnlyList<Scored> Rows);

    public static Result Run(QuestionBank bank, int folds = 5, int seed = 13, bool grouped = true, double sameSituation = SafetyFolds.SameSituation)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var rows = Score(bank, folds, seed, grouped, sameSituation, out var foldInfo);
        var data = rows.Select(r => (r.Features, r.Safety)).ToList();

        var weights = SafetyStack.Fit(data);
        var threshold = PickThreshold(rows, rows.Select(r => SafetyStack.Score(weights, r.Features)).ToList());

        // Nested: the decision fitted on four folds' signals screens the fifth.
        var nested = new bool[rows.Count];
        for (var k = 0; k < folds; k++)
        {
            var train = rows.Where(r => r.Fold != k).ToList();
            var w = SafetyStack.Fit(train.Select(r => (r.Features, r.Safety)).ToList());
            var t = PickThreshold(train, train.Select(r => SafetyStack.Score(w, r.Features)).ToList());
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Fold == k)
                {
                    nested[i] = SafetyStack.Score(w, rows[i].Features) >= t;
                }
            }
        }

        return new Result(
            foldInfo,
            rows.Count(r => r.Safety),
            rows.Count(r => !r.Safety),
            Measure(rows, r => HandSetRoute(r.Signals) is not null, HandSetConcern),
            Measure(rows, (r, i) => nested[i], StackConcern),
            Measure(rows, r => SafetyStack.Score(SafetyStack.Weights, r.Features) >= SafetyStack.Threshold, StackConcern),
            weights,
            threshold,
            rows);
    }

    /// <summary>Every distinct text's signals from the learners trained without its fold.</summary>
    private static List<Scored> Score(QuestionBank bank, int folds, int seed, bool grouped, double sameSituation, out SafetyFolds.Result foldInfo)
    {
        var examples = LearnedSafetyScreen.Models.Examples(bank).ToList();
        var scopeExamples = ScopeModel.Examples(bank).ToList();
        var kinds = KindsOf(bank);
        foldInfo = SafetyFolds.Assign(bank, folds, seed, sameSituation);
        var fold = foldInfo.Fold;
        if (!grouped)
        {
            // The first eleven rounds' folds: each distinct text drawn alone (kept to show what grouping changes).
            var random = new Random(seed);
            fold = examples.Select(e => e.Text).Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => random.Next(folds), StringComparer.Ordinal);
        }

        var rows = new List<Scored>();
        for (var k = 0; k < folds; k++)
        {
            var models = LearnedSafetyScreen.Models.Train(examples.Where(e => fold[e.Text] != k).ToList());
            var domain = ScopeModel.TrainDomain(scopeExamples.Where(e => fold[e.Text] != k));
            foreach (var example in examples.Where(e => fold[e.Text] == k).DistinctBy(e => e.Text, StringComparer.Ordinal))
            {
                rows.Add(new Scored(example.Text, example.Label, kinds.GetValueOrDefault(example.Text, example.Label), k,
                    SafetySignals.Of(models, domain, example.Text)));
            }
        }

        return rows;
    }

    /// <summary>Safety texts by concern; ordinary ones by the first kind that holds them (hard negative, outside, not covered, answerable).</summary>
    private static Dictionary<string, string> KindsOf(QuestionBank bank)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in bank.Safety)
        {
            kinds.TryAdd(e.Text, e.Label == LearnedSafetyScreen.None ? HardNegative : e.Label);
        }

        foreach (var e in bank.Scope.Where(e => e.Label == ScopeModel.Outside))
        {
            kinds.TryAdd(e.Text, Outside);
        }

        foreach (var e in bank.Scope)
        {
            kinds.TryAdd(e.Text, NotCovered);
        }

        foreach (var q in bank.Answers)
        {
            kinds.TryAdd(q.Text, Answerable);
        }

        return kinds;
    }

    /// <summary>
    /// The lowest threshold (most safety messages routed) whose ordinary and outside shares stay within budget, among
    /// the scores themselves (every distinct cut).
    /// </summary>
    internal static double PickThreshold(IReadOnlyList<Scored> rows, IReadOnlyList<double> scores)
    {
        var ordinary = rows.Count(r => !r.Safety);
        var outside = Math.Max(1, rows.Count(r => r.Kind == Outside));
        var order = Enumerable.Range(0, rows.Count).OrderByDescending(i => scores[i]).ToList();
        var (routedOrdinary, routedOutside) = (0, 0);
        var best = 1.0;
        for (var n = 0; n < order.Count; n++)
        {
            var row = rows[order[n]];
            if (!row.Safety)
            {
                routedOrdinary++;
                routedOutside += row.Kind == Outside ? 1 : 0;
            }

            // A cut falls between distinct scores only.
            var last = n == order.Count - 1 || scores[order[n + 1]] < scores[order[n]];
            if (!last)
            {
                continue;
            }

            if (routedOrdinary / (double)ordinary > MaxOrdinaryRouted || routedOutside / (double)outside > MaxOutsideRouted)
            {
                break;
            }

            best = scores[order[n]];
        }

        return best;
    }

    private static Figures Measure(IReadOnlyList<Scored> rows, Func<Scored, bool> routes, Func<SafetySignals, string> concern) =>
        Measure(rows, (r, _) => routes(r), concern);

    private static Figures Measure(IReadOnlyList<Scored> rows, Func<Scored, int, bool> routes, Func<SafetySignals, string> concern)
    {
        var routed = rows.Select((r, i) => routes(r, i)).ToList();
        var safety = Enumerable.Range(0, rows.Count).Where(i => rows[i].Safety).ToList();
        var ordinary = Enumerable.Range(0, rows.Count).Where(i => !rows[i].Safety).ToList();
        var routedSafety = safety.Where(i => routed[i]).ToList();
        var byConcern = safety.GroupBy(i => rows[i].Label)
            .ToDictionary(g => g.Key, g => g.Count(i => routed[i]) / (double)g.Count(), StringComparer.Ordinal);
        var byKind = ordinary.GroupBy(i => rows[i].Kind)
            .ToDictionary(g => g.Key, g => g.Count(i => routed[i]) / (double)g.Count(), StringComparer.Ordinal);
        var routedAs = routedSafety.GroupBy(i => $"{rows[i].Label} -> {FinalConcern(rows[i].Signals, concern(rows[i].Signals))}")
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new Figures(
            routedSafety.Count / (double)safety.Count,
            safety.Count(i => routed[i] && SameRoute(rows[i].Label, FinalConcern(rows[i].Signals, concern(rows[i].Signals)))) / (double)safety.Count,
            safety.Count(i => routed[i] && rows[i].Label == FinalConcern(rows[i].Signals, concern(rows[i].Signals))) / (double)safety.Count,
            ordinary.Count(i => routed[i]) / (double)ordinary.Count,
            byConcern,
            byKind,
            routedAs);
    }

    /// <summary>The concern the screen answers with, after <see cref="LearnedSafetyScreen.Severest"/> (as <see cref="LearnedSafetyScreen.Screen"/>).</summary>
    private static string FinalConcern(SafetySignals s, string routed)
    {
        var concern = LearnedSafetyScreen.ToConcern(routed);
        var final = concern is SafetyConcern.Emergency or SafetyConcern.SelfHarm ? concern : LearnedSafetyScreen.Severest(s.Prediction, concern);
        return LearnedSafetyScreen.LabelOf(final);
    }

    /// <summary>
    /// Whether the answer given is the one the message needs, as the eval judges routes (<c>EvalRoutes</c>): the
    /// crisis answers (emergency, self-harm) for a crisis, a refusal (obtain, evasion) for a request, a protecting
    /// answer (fear of reporting, of revenge, help) for fear or a plea for help.
    /// </summary>
    internal static bool SameRoute(string expected, string given) => RouteOf(expected) == RouteOf(given);

    private static string RouteOf(string label) => label switch
    {
        "emergency" or "self-harm" => "crisis",
        "obtain" or "evasion" => "refuse",
        _ => "protect",
    };

    /// <summary>The concern the stacked screen routes to: the classifier's likeliest concern.</summary>
    internal static string StackConcern(SafetySignals s) => s.TopConcern;

    /// <summary>The concern the hand-set screen routed to: the classifier's, or the nearest example's when only the neighbour voted.</summary>
    private static string HandSetConcern(SafetySignals s) => HandSetRoute(s) ?? s.TopConcern;

    /// <summary>The hand-set screen of rounds one to eleven: the label its two learners give, or null.</summary>
    internal static string? HandSetRoute(SafetySignals s)
    {
        const double classifierRoute = 0.35, neighbourRoute = 0.35, neighbourMargin = 0.05, sure = 0.8, vetoSimilarity = 0.4, vetoMargin = 0.1;
        if (s.Concerns >= sure)
        {
            return s.TopConcern;
        }

        var vetoed = s.NearestNone >= vetoSimilarity && s.NearestNone > s.NearestSafety + vetoMargin;
        if ((s.TopIsConcern || s.Concerns >= classifierRoute) && !vetoed)
        {
            return s.TopConcern;
        }

        return s.NearestSafety >= neighbourRoute && s.NearestSafety > s.NearestNone + neighbourMargin ? s.NearestConcern : null;
    }
}
