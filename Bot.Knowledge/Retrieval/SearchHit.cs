using Bot.Knowledge.Passages;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// A retrieved passage: its fused score, and the two signals behind it (BM25 relative to the best BM25 hit, and
/// the similarity of the nearest bank question that belongs to it).
/// </summary>
internal sealed record SearchHit(Passage Passage, float Score)
{
    public double Lexical { get; init; }

    public double BankSimilarity { get; init; }
}

/// <summary>The hits for one question and how sure retrieval is that they cover it.</summary>
/// <param name="Query">The parsed question.</param>
/// <param name="Hits">Best first.</param>
/// <param name="Confidence">IDF-weighted share of the question's concepts the best passages contain (0..1).</param>
internal sealed record SearchResult(ParsedQuery Query, IReadOnlyList<SearchHit> Hits, double Confidence)
{
    /// <summary>Similarity of the nearest bank question whose passage is in the index (0..1).</summary>
    public double BankSimilarity { get; init; }

    public static SearchResult Empty(ParsedQuery query) => new(query, [], 0);
}
