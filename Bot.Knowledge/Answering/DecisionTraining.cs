using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Learns the answer/decline decision from out-of-fold bank evidence (<see cref="OutOfFoldEvidence"/>): a logistic
/// regression (ML.NET L-BFGS, one thread, so the same rows give the same model) over the rows that reach the decision,
/// answer lines whose key would be cited against scope lines. Its threshold is chosen on the model's own out-of-fold
/// scores (a model per fold trained on the other folds' rows), never on an eval set: the most refusals of scope lines
/// while no more than <see cref="MaxFalseRefusals"/> of the answer lines are declined (the target), counting
/// the lines the earlier checks already declined.
/// </summary>
internal static class DecisionTraining
{
    public const double MaxFalseRefusals = 0.05;

    /// <summary>How answer lines whose key would not be cited (retrieval misses) are labelled.</summary>
    public enum MissLabel
    {
        /// <summary>Left out of the decision's training (the decision cannot mend a wrong passage).</summary>
        Excluded,

        /// <summary>Labelled "decline" (a wrong passage is better refused).</summary>
        Decline,
    }

    /// <summary>The decision learned from these rows; null when they hold too few of either label.</summary>
    public static DecisionModel? Train(IReadOnlyList<EvidenceRow> rows, MissLabel misses = MissLabel.Excluded)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var training = TrainingRows(rows, misses);
        if (training.Count(r => r.Label) < 10 || training.Count(r => !r.Label) < 10)
        {
            return null;
        }

        var outOfFold = new Dictionary<EvidenceRow, float>();
        foreach (var fold in rows.Select(r => r.Fold).Distinct().Order())
        {
            var model = Fit(training.Where(r => r.Row.Fold != fold).ToList());
            foreach (var row in rows.Where(r => r.Fold == fold && r.Features is not null))
            {
                outOfFold[row] = model.Score(row.Features!);
            }
        }

        var threshold = ChooseThreshold(rows, outOfFold);
        var final = Fit(training);
        var learned = DecisionFigures.Of(rows, r => outOfFold[r] >= threshold);
        var rule = DecisionFigures.Of(rows, r => r.RuleAnswers);
        return final with { Threshold = threshold, Learned = learned, Rule = rule };
    }

    /// <summary>The threshold with the best refusal accuracy among those declining at most <see cref="MaxFalseRefusals"/> of the answer lines.</summary>
    internal static float ChooseThreshold(IReadOnlyList<EvidenceRow> rows, IReadOnlyDictionary<EvidenceRow, float> scores)
    {
        var candidates = scores.Values.Distinct().Order().ToList();
        var best = float.NegativeInfinity;
        var bestRefusal = -1.0;
        foreach (var candidate in candidates)
        {
            var figures = DecisionFigures.Of(rows, r => scores[r] >= candidate);
            if (figures.FalseRefusals <= MaxFalseRefusals && figures.RefusalAccuracy > bestRefusal)
            {
                (best, bestRefusal) = (candidate, figures.RefusalAccuracy);
            }
        }

        // When the earlier checks alone decline more answer lines than the target allows, the decision answers
        // everything that reaches it rather than add refusals.
        return bestRefusal < 0 ? float.NegativeInfinity : best;
    }

    private static List<(EvidenceRow Row, bool Label)> TrainingRows(IReadOnlyList<EvidenceRow> rows, MissLabel misses) =>
        rows.Where(r => r.Features is not null && (!r.Answerable || r.Cited || misses == MissLabel.Decline))
            .Select(r => (r, r.Answerable && r.Cited))
            .ToList();

    private static DecisionModel Fit(List<(EvidenceRow Row, bool Label)> rows)
    {
        var context = new MLContext(seed: 7);
        var data = context.Data.LoadFromEnumerable(rows.Select(r => new Example { Label = r.Label, Features = r.Row.Features! }));
        var trainer = context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            // One thread: the same rows give the same weights on a quiet or a loaded machine.
            NumberOfThreads = 1,
        });
        var linear = trainer.Fit(data).Model.SubModel;
        var weights = linear.Weights.ToArray();
        return new DecisionModel(weights, linear.Bias, 0, Empty, Empty);
    }

    private static readonly DecisionFigures Empty = new(0, 0, 0, 0, 0);

    private sealed class Example
    {
        public bool Label { get; set; }

        [VectorType(DecisionFeatures.Count)]
        public float[] Features { get; set; } = [];
    }
}
