using Bot.Knowledge.Passages;

namespace Bot.Knowledge.Retrieval;

/// <summary>A retrieved passage with its BM25 score.</summary>
internal sealed record SearchHit(Passage Passage, float Score);

/// <summary>The hits for one question and how sure retrieval is that they cover it.</summary>
internal sealed record SearchResult(ParsedQuery Query, IReadOnlyList<SearchHit> Hits, double Confidence)
{
    public static SearchResult Empty(ParsedQuery query) => new(query, [], 0);
}
