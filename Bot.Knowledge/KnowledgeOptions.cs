using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge;

/// <summary>Regulation Q&amp;A settings (configuration section <c>Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// Folder of the search index and the ingested documents. Empty means <c>&lt;Storage:DataDirectory&gt;/knowledge</c>.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// A question the scope model calls answerable is answered when the best passages hold at least this share
    /// (0..1, IDF-weighted) of its words, or when <see cref="MinBankSimilarity"/> is met; else it is "not covered".
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.4;

    /// <summary>
    /// Or at least this similarity (0..1, cosine over word stems and character n-grams) between the question and
    /// the nearest question-bank question of a passage in the index. Calibrated on the bank alone (Youden's J between
    /// answer-bank questions left out in turn and not-covered scope-bank questions; BENCHMARKS.md), never on an eval set.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinBankSimilarity { get; set; } = 0.40;

    /// <summary>
    /// A bank question at least this similar, whose passage is among the retrieved ones, overrules the scope model's
    /// sure "not covered" (0..1; 1 turns the override off). Calibrated on the bank alone: the similarity that almost
    /// no not-covered scope-bank question reaches against its nearest answer question (BENCHMARKS.md, eleventh round).
    /// </summary>
    [Range(0.0, 1.0)]
    public double SureNotCoveredBankSimilarity { get; set; } = 0.70;

    /// <summary>
    /// Whether answer or decline is decided by the model learned from out-of-fold bank evidence
    /// (<see cref="Answering.AnswerDecision"/>); false keeps the hand-set rule (<see cref="Answering.HandSetRule"/>).
    /// </summary>
    public bool LearnedDecision { get; set; } = true;

    /// <summary>How many passages retrieval hands to the answerer.</summary>
    [Range(1, 20)]
    public int TopPassages { get; set; } = 5;

    /// <summary>
    /// How often a host compares the stored documents (<see cref="Ingestion.IKnowledgeDocumentStore"/>) with its index
    /// and re-indexes what another host or the ingest verb changed (one small query when nothing did). Zero, the
    /// default, is off: a store only this process opens (LiteDB, whose data folder one process holds) changes only
    /// before it starts, and the first use syncs the index. The PostgreSQL provider makes it 15 s unless set.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; }

    /// <summary>The refresh interval for a store several hosts share.</summary>
    public static readonly TimeSpan SharedStoreRefreshInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Folder for the trained language models (intent, safety, scope), so a host that starts again loads them instead
    /// of training them (10 s or more). Empty means a per-user folder (<c>~/.local/share/sinergi/models</c> on Linux);
    /// <c>off</c> trains at every start.
    /// </summary>
    public string? ModelCache { get; set; }

    /// <summary>The model cache folder a <see cref="ModelCache"/> setting names, or null when it is off.</summary>
    public static string? ResolveModelCache(string? setting) =>
        string.Equals(setting?.Trim(), "off", StringComparison.OrdinalIgnoreCase) ? null
        : string.IsNullOrWhiteSpace(setting) ? Language.ModelFileCache.DefaultDirectory()
        : Path.GetFullPath(setting);

    /// <summary>Optional LLM answering; extractive answers are used while it is not configured.</summary>
    public LlmOptions Llm { get; set; } = new();

    /// <summary>The folder actually used, given the storage folder as a fallback.</summary>
    public string ResolveDataDirectory(string? storageDirectory) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(string.IsNullOrWhiteSpace(storageDirectory) ? "./data" : storageDirectory, "knowledge")
            : DataDirectory);
}
