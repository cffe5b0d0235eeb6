using Bot.Dialogs.Understanding.Entities;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// The intent classifier: <see cref="TextClassifier"/> trained on the training files with structured entities
/// masked. Trained once per process for a given example set (the classifier caches by content), on first use or by
/// the warm-up at start.
/// </summary>
public sealed class IntentModel
{
    private readonly TextClassifier _classifier;

    private IntentModel(TextClassifier classifier) => _classifier = classifier;

    /// <summary>The model of the embedded training files.</summary>
    public static IntentModel Default => Shared.Value;

    private static readonly Lazy<IntentModel> Shared = new(() => Train(TrainingExamples.All));

    /// <summary>True once the embedded model has been trained (the host trains it in the background at start).</summary>
    public static bool DefaultIsReady => Shared.IsValueCreated;

    public IReadOnlyList<string> Intents => _classifier.Labels;

    public static IntentModel Train(IEnumerable<LabelledExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var rows = examples.Select(e => new LabelledText(Mask(e.Text), e.Label));
        return new IntentModel(TextClassifier.Train(rows));
    }

    /// <summary>The intents ranked by probability for a message.</summary>
    public ClassifierPrediction Predict(string text, IReadOnlyList<EntityMention> mentions) =>
        _classifier.Predict(EntityMask.Apply(text, mentions));

    internal static string Mask(string text) => EntityMask.Apply(text, StructuredEntities.Find(text));
}
