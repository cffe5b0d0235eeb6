using Bot.Knowledge.Passages;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Answering;

/// <summary>Fetches whole passages from the index for "read the full article".</summary>
internal sealed class PassageReader(PassageIndex index) : IPassageReader
{
    public PassageView? GetById(string passageId) =>
        index.Find(IndexFields.Id, passageId, max: 1).Select(ToView).FirstOrDefault();

    public PassageView? GetByKey(string citationKey) => FindPassage(citationKey) is { } p ? ToView(p) : null;

    /// <summary>The passage with this key: the official text when ingested, else the pack's first section.</summary>
    internal Passage? FindPassage(string citationKey) =>
        index.Find(IndexFields.Key, citationKey.Trim())
            .OrderBy(p => p.Source == PassageSource.Ingested ? 0 : 1)
            .FirstOrDefault();

    /// <summary>The pack's passage with this key (the fixed safety answers cite the team's own summaries).</summary>
    internal Passage? FindPackPassage(string citationKey) =>
        index.Find(IndexFields.Key, citationKey).FirstOrDefault(p => p.Source == PassageSource.Pack)
        ?? FindPassage(citationKey);

    private static PassageView ToView(Passage p) =>
        new(p.Id, p.CitationKey, p.DocumentTitle, p.Heading, p.Text, p.Explanation, p.Status, p.Source == PassageSource.Ingested);
}
