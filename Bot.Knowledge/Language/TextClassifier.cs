using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Bot.Knowledge.Language;

/// <summary>
/// A text classifier learned from labelled examples (Microsoft.ML: word uni- and bigrams plus character
/// 4-grams of the <see cref="TextNormalizer">normalised</see> text, then a maximum-entropy model trained by SDCA),
/// so that understanding comes from data files rather than rule lists. Training takes about a second for a few
/// thousand examples (ten seconds or more for all of a host's models), so a model is trained once per process for a
/// given example set and shared, and kept on disk by <see cref="ModelFileCache"/> when a host turned it on;
/// predictions are thread-safe and take tens of microseconds.
/// </summary>
public sealed class TextClassifier
{
    private static readonly ConcurrentDictionary<string, Lazy<TextClassifier>> Trained = new(StringComparer.Ordinal);

    private readonly ITransformer _model;
    private readonly MLContext _context;
    private readonly string[] _labels;
    private readonly ConcurrentBag<PredictionEngine<Row, Scores>> _engines = [];

    private TextClassifier(MLContext context, ITransformer model, string[] labels)
    {
        _context = context;
        _model = model;
        _labels = labels;
    }

    /// <summary>The labels the model knows, in the order of its scores.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>
    /// The model for these examples: trained on first request, then the same instance for the same examples (a
    /// SHA-256 of labels and texts is the key), so many hosts in one test process train once.
    /// </summary>
    public static TextClassifier Train(IEnumerable<LabelledText> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var rows = Rows(examples);
        if (rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            throw new ArgumentException("A classifier needs examples of at least two labels.", nameof(examples));
        }

        var fingerprint = Fingerprint(rows);
        return Trained.GetOrAdd(fingerprint, _ => new Lazy<TextClassifier>(() => LoadOrTrain(rows, fingerprint, ModelFileCache.Directory))).Value;
    }

    /// <summary>The labels ranked by probability for the text (the probabilities sum to one).</summary>
    public ClassifierPrediction Predict(string text)
    {
        var engine = _engines.TryTake(out var pooled) ? pooled : _context.Model.CreatePredictionEngine<Row, Scores>(_model);
        try
        {
            var scores = engine.Predict(new Row { Text = TextNormalizer.Normalize(text), Label = string.Empty }).Score;
            var ranked = new LabelScore[_labels.Length];
            for (var i = 0; i < ranked.Length; i++)
            {
                ranked[i] = new LabelScore(_labels[i], scores[i]);
            }

            Array.Sort(ranked, static (a, b) => b.Score.CompareTo(a.Score));
            return new ClassifierPrediction(ranked[0].Label, ranked[0].Score, ranked);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>
    /// The model kept in <paramref name="cacheDirectory"/> for these examples when there is one, else trained now
    /// (and kept there); no shared instance. The file's name, for tests, is <see cref="CacheFileOf"/>.
    /// </summary>
    internal static TextClassifier LoadOrTrain(IEnumerable<LabelledText> examples, string? cacheDirectory)
    {
        var rows = Rows(examples);
        return LoadOrTrain(rows, Fingerprint(rows), cacheDirectory);
    }

    /// <summary>Where <see cref="LoadOrTrain(IEnumerable{LabelledText}, string?)"/> keeps the model of these examples.</summary>
    internal static string? CacheFileOf(IEnumerable<LabelledText> examples, string? cacheDirectory) =>
        ModelFileCache.PathOf(cacheDirectory, Fingerprint(Rows(examples)));

    private static List<Row> Rows(IEnumerable<LabelledText> examples) =>
        examples.Select(e => new Row { Text = TextNormalizer.Normalize(e.Text), Label = e.Label }).ToList();

    private static TextClassifier LoadOrTrain(List<Row> rows, string fingerprint, string? cacheDirectory)
    {
        var context = new MLContext(seed: 7);
        if (ModelFileCache.TryLoad(context, cacheDirectory, fingerprint, out var inputSchema) is { } stored && inputSchema is not null)
        {
            return new TextClassifier(context, stored, LabelsOf(stored, inputSchema));
        }

        var data = context.Data.LoadFromEnumerable(rows);
        var model = TrainCore(context, data);
        ModelFileCache.TrySave(context, model, data.Schema, cacheDirectory, fingerprint);
        return new TextClassifier(context, model, LabelsOf(model, data.Schema));
    }

    private static string[] LabelsOf(ITransformer model, DataViewSchema inputSchema)
    {
        var labelNames = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref labelNames);
        return labelNames.DenseValues().Select(l => l.ToString()).ToArray();
    }

    private static TransformerChain<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> TrainCore(MLContext context, IDataView data)
    {
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = context.Transforms.Conversion.MapValueToKey(nameof(Row.Label))
            .Append(context.Transforms.Text.FeaturizeText("Features", featurizer, nameof(Row.Text)))
            .Append(context.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = "Features",
                // One thread: SDCA's updates on several threads depend on how they interleave, so a model trained on a
                // loaded machine differed from one trained on a quiet one (BENCHMARKS.md, "the unseen qa-fresh10").
                NumberOfThreads = 1,
            }));
        return pipeline.Fit(data);
    }

    /// <summary>
    /// Names how a model is trained, so that a change of the recipe (here: SDCA on one thread) retrains the models a
    /// cache holds instead of loading ones trained the old way from the same rows.
    /// </summary>
    private const string Recipe = "sdca-maxent;threads=1";

    private static string Fingerprint(List<Row> rows)
    {
        var builder = new StringBuilder(Recipe).Append('\u001d');
        foreach (var row in rows)
        {
            builder.Append(row.Label).Append('\u001f').Append(row.Text).Append('\u001e');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private sealed class Row
    {
        public string Text { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    private sealed class Scores
    {
        public float[] Score { get; set; } = [];
    }
}

/// <summary>A training example: the text as the user wrote it, and its label.</summary>
public sealed record LabelledText(string Text, string Label);

/// <summary>The most likely label with its probability, and every label ranked.</summary>
public sealed record ClassifierPrediction(string Label, float Score, IReadOnlyList<LabelScore> Ranked);

/// <summary>A label and its probability.</summary>
public sealed record LabelScore(string Label, float Score);
