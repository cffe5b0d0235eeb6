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
    /// Below this retrieval confidence (0..1, the weighted share of the question's terms found in the best
    /// passages) the answer says the question is not covered. Calibrated on the dev questions (BENCHMARKS.md).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.4;

    /// <summary>How many passages retrieval hands to the answerer.</summary>
    [Range(1, 20)]
    public int TopPassages { get; set; } = 5;

    /// <summary>Optional LLM answering; extractive answers are used while it is not configured.</summary>
    public LlmOptions Llm { get; set; } = new();

    /// <summary>The folder actually used, given the storage folder as a fallback.</summary>
    public string ResolveDataDirectory(string? storageDirectory) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(string.IsNullOrWhiteSpace(storageDirectory) ? "./data" : storageDirectory, "knowledge")
            : DataDirectory);
}
