namespace Bot.Knowledge.Answering;

/// <summary>
/// The learned answer/decline decision: a logistic model over <see cref="DecisionFeatures"/> and the threshold chosen
/// on its out-of-fold scores (<see cref="DecisionTraining"/>), with the out-of-fold figures it was chosen by. Plain
/// numbers, so it is kept in the model cache as JSON and scored without ML.NET.
/// </summary>
internal sealed record DecisionModel(float[] Weights, float Bias, float Threshold, DecisionFigures Learned, DecisionFigures Rule)
{
    /// <summary>The model's log-odds that the question should be answered.</summary>
    public float Score(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var score = Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            score += Weights[i] * features[i];
        }

        return score;
    }

    public bool Answers(float[] features) => Score(features) >= Threshold;
}

/// <summary>
/// Out-of-fold figures of a decision over every bank line: answer lines answered citing their key (hit), answer lines
/// declined (false refusals), scope lines declined (refusal accuracy), as the eval verb counts them.
/// </summary>
internal sealed record DecisionFigures(int AnswerLines, int ScopeLines, double Hit, double FalseRefusals, double RefusalAccuracy)
{
    public override string ToString() =>
        FormattableString.Invariant($"hit {Hit:0.000} / false refusals {FalseRefusals:0.000} / refusal accuracy {RefusalAccuracy:0.000} ({AnswerLines} answer, {ScopeLines} scope lines)");

    /// <summary>The figures of a decision that answers a row reaching it when <paramref name="answers"/> says so.</summary>
    public static DecisionFigures Of(IReadOnlyList<EvidenceRow> rows, Func<EvidenceRow, bool> answers)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int answerLines = 0, scopeLines = 0, hits = 0, refused = 0, declined = 0;
        foreach (var row in rows)
        {
            var answered = row.Features is not null && answers(row);
            if (row.Answerable)
            {
                answerLines++;
                hits += answered && row.Cited ? 1 : 0;
                refused += answered ? 0 : 1;
            }
            else
            {
                scopeLines++;
                declined += answered ? 0 : 1;
            }
        }

        return new DecisionFigures(answerLines, scopeLines, Ratio(hits, answerLines), Ratio(refused, answerLines), Ratio(declined, scopeLines));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
