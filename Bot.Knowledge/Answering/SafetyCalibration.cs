using Bot.Knowledge.Bank;

namespace Bot.Knowledge.Answering;

/// <summary>
/// How the safety screen's two routing thresholds are derived, from the bank alone: k-fold cross-validation over the
/// bank's distinct texts (safety examples against ordinary questions, folds drawn with a fixed seed), each fold's
/// texts screened by models trained on the other folds, then the screen's whole decision replayed over a grid of the
/// two thresholds (0.10 to 0.90 by 0.05). The pair with the best Youden's J (recall on safety examples minus the
/// share of ordinary questions routed to safety) wins, the lowest on ties because a missed safety message is the
/// worst error. The margins (sure, veto) stay as set by hand. <c>SafetyCalibrationTests</c> recomputes both and asks
/// the constants in <see cref="LearnedSafetyScreen"/> to follow.
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
        /// <summary>Out of fold, at the screen's own thresholds: recall on safety examples and ordinary questions routed.</summary>
        public (double Recall, double FalseRoutes) Current { get; init; }

        /// <summary>The pair Youden's J alone would choose.</summary>
        public (double Classifier, double Neighbour, double Recall, double FalseRoutes) YoudenPoint { get; init; }
    }

    /// <summary>One text screened out of fold: what <see cref="LearnedSafetyScreen.Screen"/> reads.</summary>
    private readonly record struct Scored(bool Safety, bool TopIsConcern, double Concerns, double NearestSafety, double NearestNone);

    public static Result Run(QuestionBank bank, int folds = 5, int seed = 13)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var examples = LearnedSafetyScreen.Models.Examples(bank).ToList();
        var texts = examples.Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var fold = texts.ToDictionary(t => t, _ => random.Next(folds), StringComparer.Ordinal);
        var scored = new List<Scored>();
        for (var k = 0; k < folds; k++)
        {
            var models = LearnedSafetyScreen.Models.Train(examples.Where(e => fold[e.Text] != k).ToList());
            foreach (var example in examples.Where(e => fold[e.Text] == k).DistinctBy(e => e.Text, StringComparer.Ordinal))
            {
                var prediction = models.Classifier.Predict(example.Text);
                var neighbours = models.Matcher.Match(example.Text, 20);
                scored.Add(new Scored(
                    example.Label != LearnedSafetyScreen.None,
                    prediction.Label != LearnedSafetyScreen.None,
                    1 - prediction.Ranked.Where(r => r.Label == LearnedSafetyScreen.None).Sum(r => r.Score),
                    neighbours.Where(n => models.Labels[n.Index] != LearnedSafetyScreen.None).Select(n => n.Similarity).DefaultIfEmpty(0).Max(),
                    neighbours.Where(n => models.Labels[n.Index] == LearnedSafetyScreen.None).Select(n => n.Similarity).DefaultIfEmpty(0).Max()));
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

        return best! with { Current = At(LearnedSafetyScreen.ClassifierRoute, LearnedSafetyScreen.NeighbourRoute), YoudenPoint = youden };
    }

    /// <summary>The screen's decision (<see cref="LearnedSafetyScreen.Screen"/>) with these two thresholds.</summary>
    private static bool Routes(Scored s, double classifierRoute, double neighbourRoute)
    {
        if (s.Concerns >= LearnedSafetyScreen.ClassifierSure)
        {
            return true;
        }

        var vetoed = s.NearestNone >= LearnedSafetyScreen.VetoSimilarity && s.NearestNone > s.NearestSafety + LearnedSafetyScreen.VetoMargin;
        if ((s.TopIsConcern || s.Concerns >= classifierRoute) && !vetoed)
        {
            return true;
        }

        return s.NearestSafety >= neighbourRoute && s.NearestSafety > s.NearestNone + LearnedSafetyScreen.NeighbourMargin;
    }
}
