using Bot.Dialogs.Understanding.Entities;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// The intent model: <see cref="TextClassifier"/> (ML.NET, word and letter n-grams) averaged with a nearest-neighbour
/// vote over the same examples (<see cref="NearestExamples"/>), both trained on the training files with structured
/// entities masked. Trained once per process for a given example set, on first use or by the warm-up at start.
/// </summary>
public sealed class IntentModel
{
    /// <summary>Weight of the neighbours' vote against the classifier's probabilities (cross-validated; BENCHMARKS.md).</summary>
    public const double NeighbourWeight = 0.6;

    private static readonly Lazy<IntentModel> Shared = new(() => Train(TrainingExamples.All));

    private readonly TextClassifier _classifier;
    private readonly NearestExamples _neighbours;

    private IntentModel(TextClassifier classifier, NearestExamples neighbours)
    {
        _classifier = classifier;
        _neighbours = neighbours;
    }

    /// <summary>The model of the embedded training files.</summary>
    public static IntentModel Default => Shared.Value;

    /// <summary>True once the embedded model has been trained (the host trains it in the background at start).</summary>
    public static bool DefaultIsReady => Shared.IsValueCreated;

    public IReadOnlyList<string> Intents => _classifier.Labels;

    public static IntentModel Train(IEnumerable<LabelledExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var masked = examples.Select(e => (Text: Mask(e.Text), e.Label)).ToList();
        var classifier = TextClassifier.Train(masked.Select(e => new LabelledText(e.Text, e.Label)));
        var neighbours = NearestExamples.Build(masked.Select(e => (TextNormalizer.Normalize(e.Text), e.Label)).ToList());
        return new IntentModel(classifier, neighbours);
    }

    /// <summary>The intents ranked by combined probability for a message, and whether the nearest examples agree with the best.</summary>
    public IntentPrediction Predict(string text, IReadOnlyList<EntityMention> mentions)
    {
        var masked = EntityMask.Apply(text, mentions);
        var classified = _classifier.Predict(masked);
        var votes = _neighbours.Vote(TextNormalizer.Normalize(masked));
        var ranked = classified.Ranked
            .Select(s => new LabelScore(s.Label, (float)((s.Score + NeighbourWeight * votes.GetValueOrDefault(s.Label)) / (1 + NeighbourWeight))))
            .OrderByDescending(s => s.Score)
            .ToList();
        var neighbourBest = votes.Count == 0 ? null : votes.MaxBy(v => v.Value).Key;
        return new IntentPrediction(ranked, neighbourBest == ranked[0].Label);
    }

    internal static string Mask(string text) => EntityMask.Apply(text, StructuredEntities.Find(text));
}

/// <summary>The intents ranked best first, and whether the nearest training examples point at the same best intent.</summary>
public sealed record IntentPrediction(IReadOnlyList<LabelScore> Ranked, bool NeighboursAgree)
{
    public string Label => Ranked[0].Label;

    public double Score => Ranked[0].Score;
}
