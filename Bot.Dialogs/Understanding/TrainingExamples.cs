using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// The training examples: every <c>*.nlu.md</c> file of the features, embedded in this assembly (one file per
/// feature, next to its code). The held-back set in <c>eval/</c> is not embedded and never read here.
/// </summary>
public static class TrainingExamples
{
    private const string Suffix = ".nlu.md";

    private static readonly Lazy<IReadOnlyList<LabelledExample>> Embedded = new(Load);

    /// <summary>All embedded examples, file by file in name order.</summary>
    public static IReadOnlyList<LabelledExample> All => Embedded.Value;

    /// <summary>The embedded files' resource names (for the eval verb's report).</summary>
    public static IReadOnlyList<string> FileNames =>
        [.. typeof(TrainingExamples).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(Suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static List<LabelledExample> Load()
    {
        var assembly = typeof(TrainingExamples).Assembly;
        var examples = new List<LabelledExample>();
        foreach (var name in FileNames)
        {
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The embedded file {name} is missing.");
            using var reader = new StreamReader(stream);
            try
            {
                examples.AddRange(ExampleFile.Parse(reader.ReadToEnd()).Where(e => e.Kind == "intent"));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{name}: {ex.Message}", ex);
            }
        }

        return examples;
    }
}
