using System.Collections.Concurrent;
using System.Text.Json;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Language;
using Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Whether the answerer answers a question that passed the earlier checks (in the domain, a passage found, no stated
/// absence, the asked date or number held): the <see cref="DecisionModel"/> learned from out-of-fold bank evidence for
/// this bank and the passages now in the index, or the <see cref="HandSetRule"/> when none can be learned or
/// <see cref="KnowledgeOptions.LearnedDecision"/> is off. Learning takes seconds (five scope models and five in-memory
/// indexes), so a model is learned once per process for a bank and a set of passages and kept in the model cache as
/// JSON when the cache is on; an ingest that changes the passages learns it again at the next question.
/// </summary>
internal sealed partial class AnswerDecision(PassageIndex index, QuestionBank bank, AnswerComposer composer, IOptions<KnowledgeOptions> options, ILogger<AnswerDecision> logger)
{
    /// <summary>
    /// Names how the decision is learned; a change here learns it again instead of loading a cached one. The key also
    /// holds the bank, the word lists retrieval normalises with, and the indexed passages; a change to the retrieval or
    /// scope code itself must change this name, or a host with a warm cache keeps a decision learned over the old one.
    /// </summary>
    private const string Recipe = "oof5-lbfgs-logistic;threads=1;misses=excluded;fr<=0.05;features=15";

    private static readonly ConcurrentDictionary<string, Lazy<DecisionModel?>> Learned = new(StringComparer.Ordinal);

    // A threshold may be minus infinity (answer everything that reaches the decision).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly KnowledgeOptions _options = options.Value;

    /// <summary>Whether to answer, from the evidence the answerer has gathered.</summary>
    public bool Answers(string question, SearchResult result, ScopeVerdict verdict, FactKind fact)
    {
        var model = _options.LearnedDecision ? Model() : null;
        return model is null
            ? HandSetRule.Answers(result, verdict, _options)
            : model.Answers(DecisionFeatures.Of(question, result, verdict, fact));
    }

    /// <summary>The decision for the bank and the passages now indexed (learned on first use, then shared).</summary>
    public DecisionModel? Model()
    {
        var key = Key();
        var learning = Learned.GetOrAdd(key, k => new Lazy<DecisionModel?>(() => LoadOrLearn(k)));
        try
        {
            return learning.Value;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A Lazy keeps its exception: without this, one failed learning (the index closed under it as its host
            // stopped) would fail every later question over the same passages in this process. Forget it, so the next
            // question learns again, and let the hand-set rule decide this one.
            Learned.TryRemove(new KeyValuePair<string, Lazy<DecisionModel?>>(key, learning));
            LogLearningFailed(logger, exception);
            return null;
        }
    }

    /// <summary>Whether the decision for the passages now indexed has been learned or loaded in this process.</summary>
    internal bool IsPrepared() =>
        Learned.TryGetValue(Key(), out var learning) && learning.IsValueCreated;

    private string Key() =>
        Fingerprint(Recipe + "\u001f" + bank.Hash + "\u001f" + RetrievalText.Fingerprint + "\u001f" + index.ContentFingerprint());

    /// <summary>
    /// Learns (or loads) the decision ahead of the first question, as <see cref="ModelWarmup"/> does at start: learning
    /// takes tens of seconds of CPU on a cold model cache, which the first resident to ask would otherwise wait for.
    /// </summary>
    public void Prepare()
    {
        if (!_options.LearnedDecision)
        {
            return;
        }

        try
        {
            _ = Model();
        }
        catch (ObjectDisposedException)
        {
            // The host stopped while its index was being read; the next host's first question learns it.
        }
    }

    private DecisionModel? LoadOrLearn(string key)
    {
        var path = ModelFileCache.Directory is { } directory ? Path.Combine(directory, key + ".decision.json") : null;
        if (path is not null && TryLoad(path) is { } stored)
        {
            return stored;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = OutOfFoldEvidence.Build(index.All(), bank, composer, _options);
        var model = DecisionTraining.Train(rows);
        if (model is null)
        {
            LogNotLearned(logger, rows.Count);
            return null;
        }

        LogLearned(logger, rows.Count, model.Learned.ToString(), model.Rule.ToString(), System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (path is not null)
        {
            TrySave(path, model);
        }

        return model;
    }

    internal static DecisionModel? TryLoad(string path)
    {
        try
        {
            var model = File.Exists(path) ? JsonSerializer.Deserialize<DecisionModel>(File.ReadAllText(path), Json) : null;
            return model?.Weights.Length == DecisionFeatures.Count ? model : null;
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Written whole under a temporary name, then renamed, so another process never reads half a file.</summary>
    internal static void TrySave(string path, DecisionModel model)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(temporary, JsonSerializer.Serialize(model, Json));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
        }
    }

    private static string Fingerprint(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    [LoggerMessage(EventId = 8340, Level = LogLevel.Information, Message = "Answer decision learned from {Rows} out-of-fold bank lines in {Seconds:0.0} s: learned {Learned}; hand-set rule {Rule}")]
    private static partial void LogLearned(ILogger logger, int rows, string learned, string rule, double seconds);

    [LoggerMessage(EventId = 8342, Level = LogLevel.Warning, Message = "Learning the answer decision failed; the hand-set rule decides until it is learned")]
    private static partial void LogLearningFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8341, Level = LogLevel.Warning, Message = "No answer decision could be learned from {Rows} out-of-fold bank lines; the hand-set rule decides")]
    private static partial void LogNotLearned(ILogger logger, int rows);
}
