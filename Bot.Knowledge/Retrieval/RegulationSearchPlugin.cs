using System.ComponentModel;
using System.Text;
using Microsoft.SemanticKernel;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Retrieval as a Semantic Kernel plugin ("regulations"): the kernel and anything built on it (prompts,
/// agents, function calling) search the same index the extractive answerer uses.
/// </summary>
internal sealed class RegulationSearchPlugin(PassageSearch search)
{
    public const string PluginName = "regulations";

    [KernelFunction("search")]
    [Description("Searches Indonesian P4GN regulations (UU 35/2009, PP 25/2011, PP 40/2013, Inpres 2/2020, programmes) and returns the best passages, each headed by its citation key in square brackets.")]
    public string Search([Description("The question or keywords, Indonesian preferred.")] string query, int count = 5) =>
        Format(search.Search(query, Math.Clamp(count, 1, 10)).Hits);

    /// <summary>Passages as the LLM sees them: "[key] (document; status)" then the text.</summary>
    public static string Format(IEnumerable<SearchHit> hits)
    {
        var text = new StringBuilder();
        foreach (var hit in hits)
        {
            var p = hit.Passage;
            text.Append('[').Append(p.CitationKey).Append("] (").Append(p.DocumentTitle).Append("; status: ").Append(p.Status).AppendLine(")");
            text.AppendLine(p.Text);
            if (p.Explanation is { } explanation)
            {
                text.Append("Penjelasan: ").AppendLine(explanation);
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
