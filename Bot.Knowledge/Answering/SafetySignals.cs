using Bot.Knowledge.Language;

namespace Bot.Knowledge.Answering;

/// <summary>
/// What the safety screen's learners say about one message, before any decision: the classifier's concerns, the
/// nearest safety example and ordinary question of the bank (and the mean of the three nearest of each, which is
/// steadier than one neighbour), and the domain model's outside score. <see cref="SafetyStack"/> turns them into one
/// decision; <see cref="SafetyCalibration"/> computes them out of fold to fit it.
/// </summary>
internal sealed record SafetySignals(
    ClassifierPrediction Prediction, double Concerns, double NearestSafety, double NearestNone, double SafetyTop3,
    double NoneTop3, double OutsideScore, string NearestConcern)
{
    /// <summary>How many neighbours are read: enough to find three of each kind for almost every message.</summary>
    private const int Neighbours = 20;

    /// <summary>The likeliest concern, whether or not "none" is likelier.</summary>
    public string TopConcern => Prediction.Ranked.First(r => r.Label != LearnedSafetyScreen.None).Label;

    /// <summary>Whether a concern is the classifier's single likeliest label.</summary>
    public bool TopIsConcern => Prediction.Label != LearnedSafetyScreen.None;

    public static SafetySignals Of(LearnedSafetyScreen.Models models, TextClassifier domain, string text)
    {
        var prediction = models.Predict(text);
        var neighbours = models.Match(text, Neighbours);
        var safety = neighbours.Where(n => models.Labels[n.Index] != LearnedSafetyScreen.None).ToList();
        var none = neighbours.Where(n => models.Labels[n.Index] == LearnedSafetyScreen.None).ToList();
        return new SafetySignals(
            prediction,
            1 - prediction.Ranked.Where(r => r.Label == LearnedSafetyScreen.None).Sum(r => r.Score),
            safety.Count > 0 ? safety[0].Similarity : 0,
            none.Count > 0 ? none[0].Similarity : 0,
            MeanOfTop(safety, 3),
            MeanOfTop(none, 3),
            ScopeModel.OutsideScore(domain, text),
            safety.Count > 0 ? models.Labels[safety[0].Index] : LearnedSafetyScreen.None);
    }

    private static double MeanOfTop(List<(int Index, double Similarity)> ranked, int count) =>
        ranked.Take(count).Select(n => n.Similarity).Concat(Enumerable.Repeat(0.0, count)).Take(count).Average();
}
