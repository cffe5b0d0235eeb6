namespace Bot.Knowledge.Answering;

/// <summary>
/// The safety screen's decision: a logistic regression over the learners' signals (<see cref="SafetySignals"/>)
/// in place of the hand-set thresholds of the first eleven rounds (classifier 0.35, neighbour 0.35 + 0.05, veto
/// 0.4 / 0.1, sure 0.8). Its weights and threshold are fitted by <see cref="SafetyCalibration"/> on signals computed
/// out of fold over the bank's grouped folds (<see cref="SafetyFolds"/>), never on an eval set, and are written
/// here so that a host does not train the five fold models at start; <c>SafetyCalibrationTests</c> refits them and
/// fails when the ones written here no longer hold the operating point.
/// </summary>
internal static class SafetyStack
{
    /// <summary>The signals the regression reads, in the order of <see cref="Weights"/> (after the intercept).</summary>
    public static readonly string[] FeatureNames =
    [
        "logit(concerns)", "top is concern", "nearest safety", "nearest ordinary", "safety top-3", "ordinary top-3",
        "outside score",
    ];

    /// <summary>
    /// Intercept first, then one weight per feature, as <see cref="SafetyCalibration.Run"/> fitted them on the bank of
    /// the twelfth round. The classifier's confidence and the nearest safety example carry the decision; an ordinary
    /// question among the three nearest pulls hard the other way (the veto of the hand-set screen, now weighed); the
    /// outside score lowers it a little.
    /// </summary>
    public static readonly double[] Weights = [-0.4928, 0.7551, 0.4300, 5.6347, 0.3737, 2.9887, -8.3341, -0.8128];

    /// <summary>
    /// The probability at or above which a message goes to safety: the lowest that routes at most
    /// <see cref="SafetyCalibration.MaxOrdinaryRouted"/> of the ordinary texts out of fold. Fitted with the weights.
    /// </summary>
    public const double Threshold = 0.2185;

    /// <summary>Whether the shipped decision sends a message with these signals to safety.</summary>
    public static bool Routes(SafetySignals signals) => Score(Weights, Features(signals)) >= Threshold;

    public static double[] Features(SafetySignals s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var concerns = Math.Clamp(s.Concerns, 1e-4, 1 - 1e-4);
        return
        [
            Math.Log(concerns / (1 - concerns)), s.TopIsConcern ? 1 : 0, s.NearestSafety, s.NearestNone, s.SafetyTop3,
            s.NoneTop3, s.OutsideScore,
        ];
    }

    /// <summary>The probability that the message is a safety message, by these weights.</summary>
    public static double Score(IReadOnlyList<double> weights, double[] features)
    {
        var z = weights[0];
        for (var i = 0; i < features.Length; i++)
        {
            z += weights[i + 1] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// Logistic regression by Newton's method (a handful of features, a few thousand rows: exact in ten steps), with a
    /// small ridge so that separable folds stay finite. Returns the intercept then one weight per feature.
    /// </summary>
    public static double[] Fit(IReadOnlyList<(double[] Features, bool Safety)> rows, double ridge = 1e-2, int steps = 25)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var d = rows[0].Features.Length + 1;
        var w = new double[d];
        for (var step = 0; step < steps; step++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            foreach (var (features, safety) in rows)
            {
                var x = Augmented(features);
                var p = Score(w, features);
                var error = (safety ? 1 : 0) - p;
                var curvature = Math.Max(p * (1 - p), 1e-9);
                for (var i = 0; i < d; i++)
                {
                    gradient[i] += error * x[i];
                    for (var j = 0; j < d; j++)
                    {
                        hessian[i, j] += curvature * x[i] * x[j];
                    }
                }
            }

            for (var i = 1; i < d; i++)
            {
                gradient[i] -= ridge * w[i];
                hessian[i, i] += ridge;
            }

            var delta = Solve(hessian, gradient);
            var change = 0.0;
            for (var i = 0; i < d; i++)
            {
                w[i] += delta[i];
                change = Math.Max(change, Math.Abs(delta[i]));
            }

            if (change < 1e-8)
            {
                break;
            }
        }

        return w;
    }

    private static double[] Augmented(double[] features)
    {
        var x = new double[features.Length + 1];
        x[0] = 1;
        features.CopyTo(x, 1);
        return x;
    }

    /// <summary>Gaussian elimination with partial pivoting (the system is a few rows).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var y = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(m[r, col]));
            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }

                (y[col], y[pivot]) = (y[pivot], y[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (var k = col; k < n; k++)
                {
                    m[r, k] -= f * m[col, k];
                }

                y[r] -= f * y[col];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = y[r];
            for (var k = r + 1; k < n; k++)
            {
                sum -= m[r, k] * x[k];
            }

            x[r] = sum / m[r, r];
        }

        return x;
    }
}
