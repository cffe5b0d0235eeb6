using System.Collections.Concurrent;
using Bot.Knowledge.Passages;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// The analyzed stems of a passage (all of it, and unit by unit), computed once per passage text: coverage
/// and sentence selection need them on every question, and re-analysing articles was most of the latency.
/// </summary>
internal sealed class PassageStems
{
    private static readonly ConcurrentDictionary<string, PassageStems> Cache = new(StringComparer.Ordinal);

    private PassageStems(Passage passage)
    {
        Text = passage.Text;
        Units = Answering.Excerpts.Units(passage.Text)
            .Select(u => (u, (IReadOnlySet<string>)new HashSet<string>(TextAnalysis.Stems(u), StringComparer.Ordinal)))
            .ToList();
        var body = new HashSet<string>(TextAnalysis.Stems(string.Join('\n', passage.Heading, passage.Keywords)), StringComparer.Ordinal);
        foreach (var (_, stems) in Units)
        {
            body.UnionWith(stems);
        }

        Body = body;
        var all = new HashSet<string>(body, StringComparer.Ordinal);
        all.UnionWith(TextAnalysis.Stems(string.Join('\n', passage.CitationKey, passage.DocumentTitle, passage.Explanation)));
        All = all;
    }

    private string Text { get; }

    /// <summary>Everything indexed: key, title, heading, keywords, text, Penjelasan.</summary>
    public IReadOnlySet<string> All { get; }

    /// <summary>Heading, keywords and text: what an extract can quote from.</summary>
    public IReadOnlySet<string> Body { get; }

    /// <summary>Each unit (sentence, ayat, list item) with its stems, in order.</summary>
    public IReadOnlyList<(string Unit, IReadOnlySet<string> Stems)> Units { get; }

    public static PassageStems Of(Passage passage)
    {
        if (Cache.TryGetValue(passage.Id, out var cached) && string.Equals(cached.Text, passage.Text, StringComparison.Ordinal))
        {
            return cached;
        }

        var fresh = new PassageStems(passage);
        Cache[passage.Id] = fresh;
        return fresh;
    }
}
