using Bot.Knowledge.Bank;
using Bot.Knowledge.Language;

namespace Bot.Knowledge.Answering;

/// <summary>
/// How the safety screen's two routing thresholds are derived, from the bank alone: k-fold cross-validation over the
/// bank's distinct texts (safety examples against ordinary questions, folds drawn with a fixed seed), each fold's
/// texts screened by models trained on the other folds, then the screen's whole decision replayed over a grid of the
/// two thresholds (0.10 to 0.90 by 0.05). The pair with the best Youden's J (recall on safety examples minus the
/// share of ordinary questions routed to safety) wins, the lowest on ties because a missed safety message is the
/// worst error. The margins (sure, veto) stay as set by hand. <c>SafetyCalibrationTests</c> recomputes both and asks
/// the constants in <see cref="LearnedSafetyScreen"/> to follow.
/// The domain gate is chosen the same way: the scope model is trained on the same folds, and of the gates 0.50 to
/// 0.95 the lowest that routes every safety example the ungated screen routes (out of fold) wins.
/// </summary>
internal static class SafetyCalibration
{
    /// <summary>
    /// The operating point: at most this share of ordinary questions routed to safety out of fold. Youden's J alone
    /// chose 0.20 / 0.30, which routed 0.067 of ordinary bank questions and, in chat, sent a form's short answers to
    /// the safety screen (InterruptionTests); a safety answer in place of an ordinary one is a false refusal.
    /// </summary>
    public const double MaxFalseRoutes = 0.02;

    public sealed record Result(double ClassifierRoute, double NeighbourRoute, double J, double Recall, double FalseRoutes, int Safety, int Ordinary)
    {
        /// <summary>Out of fold, at the screen's own thresholds and gate: recall on safety examples and ordinary questions routed.</summary>
        public (double Recall, double FalseRoutes) Current { get; init; }

        /// <summary>The pair Youden's J alone would choose.</summary>
        public (double Classifier, double Neighbour, double Recall, double FalseRoutes) YoudenPoint { get; init; }

        /// <summary>
        /// At the screen's thresholds, without the domain gate: recall, ordinary questions routed, and outside-the-domain
        /// questions (scope bank "outside") routed.
        /// </summary>
        public (double Recall, double FalseRoutes, double OutsideRoutes) Ungated { get; init; }

        /// <summary>The gate chosen out of fold, and the figures with it.</summary>
        public (double Gate, double Recall, double FalseRoutes, double OutsideRoutes) Gated { get; init; }

    }

    /// <summary>One text screened out of fold: what <see cref="LearnedSafetyScreen.Screen"/> reads.</summary>
    private readonly record struct Scored(
        bool Safety, bool Outside, bool TopIsConcern, double Concerns, double NearestSafety, double NearestNone,
        string TopConcern, string NearestConcern, double OutsideScore);

    public static Result Run(QuestionBank bank, int folds = 5, int seed = 13)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var examples = LearnedSafetyScreen.Models.Examples(bank).ToList();
        var scopeExamples = ScopeModel.Examples(bank).ToList();
        var outside = bank.Scope.Where(e => e.Label == ScopeModel.Outside).Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
        var texts = examples.Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var fold = texts.ToDictionary(t => t, _ => random.Next(folds), StringComparer.Ordinal);
        var scored = new List<Scored>();
        for (var k = 0; k < folds; k++)
        {
            var models = LearnedSafetyScreen.Models.Train(examples.Where(e => fold[e.Text] != k).ToList());
            var scope = ScopeModel.TrainDomain(scopeExamples.Where(e => fold[e.Text] != k));
            foreach (var example in examples.Where(e => fold[e.Text] == k).DistinctBy(e => e.Text, StringComparer.Ordinal))
            {
                var prediction = models.Predict(example.Text);
                var neighbours = models.Match(example.Text, 20);
                var nearestSafety = neighbours.FirstOrDefault(n => models.Labels[n.Index] != LearnedSafetyScreen.None);
                scored.Add(new Scored(
                    example.Label != LearnedSafetyScreen.None,
                    outside.Contains(example.Text),
                    prediction.Label != LearnedSafetyScreen.None,
                    1 - prediction.Ranked.Where(r => r.Label == LearnedSafetyScreen.None).Sum(r => r.Score),
                    nearestSafety.Similarity,
                    neighbours.Where(n => models.Labels[n.Index] == LearnedSafetyScreen.None).Select(n => n.Similarity).DefaultIfEmpty(0).Max(),
                    prediction.Ranked.First(r => r.Label != LearnedSafetyScreen.None).Label,
                    nearestSafety.Similarity > 0 ? models.Labels[nearestSafety.Index] : LearnedSafetyScreen.None,
                    ScopeModel.OutsideScore(scope, example.Text)));
            }
        }

        var positives = scored.Count(s => s.Safety);
        var negatives = scored.Count - positives;
        Result? best = null;
        for (var c = 10; c <= 90; c += 5)
        {
            for (var n = 10; n <= 90; n += 5)
            {
                var (classifier, neighbour) = (c / 100.0, n / 100.0);
                var routed = scored.Where(s => Routes(s, classifier, neighbour)).ToList();
                var recall = routed.Count(s => s.Safety) / (double)positives;
                var falseRoutes = routed.Count(s => !s.Safety) / (double)negatives;
                if (falseRoutes <= MaxFalseRoutes && (best is null || recall > best.Recall + 1e-9 || (Math.Abs(recall - best.Recall) < 1e-9 && falseRoutes < best.FalseRoutes - 1e-9)))
                {
                    best = new Result(classifier, neighbour, recall - falseRoutes, recall, falseRoutes, positives, negatives);
                }
            }
        }

        (double, double) At(double classifier, double neighbour)
        {
            var routed = scored.Where(s => Routes(s, classifier, neighbour)).ToList();
            return (routed.Count(s => s.Safety) / (double)positives, routed.Count(s => !s.Safety) / (double)negatives);
        }

        var youden = (Classifier: 0.0, Neighbour: 0.0, Recall: 0.0, FalseRoutes: 0.0);
        for (var c = 10; c <= 90; c += 5)
        {
            for (var n = 10; n <= 90; n += 5)
            {
                var (recall, falseRoutes) = At(c / 100.0, n / 100.0);
                if (recall - falseRoutes > youden.Recall - youden.FalseRoutes + 1e-9)
                {
                    youden = (c / 100.0, n / 100.0, recall, falseRoutes);
                }
            }
        }

        (double Recall, double FalseRoutes, double OutsideRoutes) WithGate(double gate)
        {
            var routed = scored.Where(s => Routes(s, LearnedSafetyScreen.ClassifierRoute, LearnedSafetyScreen.NeighbourRoute, gate)).ToList();
            return (routed.Count(s => s.Safety) / (double)positives, routed.Count(s => !s.Safety) / (double)negatives,
                routed.Count(s => s.Outside) / (double)Math.Max(1, scored.Count(s => s.Outside)));
        }

        var ungated = WithGate(double.PositiveInfinity);
        var gated = (Gate: double.PositiveInfinity, ungated.Recall, ungated.FalseRoutes, ungated.OutsideRoutes);
        for (var g = 50; g <= 95; g += 5)
        {
            var figures = WithGate(g / 100.0);
            if (figures.Recall >= ungated.Recall - 1e-9)
            {
                gated = (g / 100.0, figures.Recall, figures.FalseRoutes, figures.OutsideRoutes);
                break;
            }
        }

        return best! with
        {
            Current = At(LearnedSafetyScreen.ClassifierRoute, LearnedSafetyScreen.NeighbourRoute),
            YoudenPoint = youden,
            Ungated = ungated,
            Gated = gated,
        };
    }

    /// <summary>The screen's decision (<see cref="LearnedSafetyScreen.Screen"/>, which has no domain gate) with these two thresholds.</summary>
    private static bool Routes(Scored s, double classifierRoute, double neighbourRoute) =>
        Route(s, classifierRoute, neighbourRoute) is not null;

    /// <summary>The screen's decision with a domain gate (measured, not used): a concern other than an emergency or self-harm needs the domain.</summary>
    private static bool Routes(Scored s, double classifierRoute, double neighbourRoute, double gate) =>
        Route(s, classifierRoute, neighbourRoute) is { } label
        && (LearnedSafetyScreen.ToConcern(label) is SafetyConcern.Emergency or SafetyConcern.SelfHarm || s.OutsideScore < gate);

    /// <summary>The label the screen's two learners give, or null.</summary>
    private static string? Route(Scored s, double classifierRoute, double neighbourRoute)
    {
        if (s.Concerns >= LearnedSafetyScreen.ClassifierSure)
        {
            return s.TopConcern;
        }

        var vetoed = s.NearestNone >= LearnedSafetyScreen.VetoSimilarity && s.NearestNone > s.NearestSafety + LearnedSafetyScreen.VetoMargin;
        if ((s.TopIsConcern || s.Concerns >= classifierRoute) && !vetoed)
        {
            return s.TopConcern;
        }

        return s.NearestSafety >= neighbourRoute && s.NearestSafety > s.NearestNone + LearnedSafetyScreen.NeighbourMargin
            ? s.NearestConcern
            : null;
    }
}
