namespace Bot.Knowledge.Retrieval;

/// <summary>One idea in a question: the user's word (stemmed) and the source words that mean the same.</summary>
internal sealed record QueryConcept(string Word, IReadOnlyList<string> Primary, IReadOnlyList<string> Alternatives)
{
    /// <summary>True when the passage's stems contain the word or one of its synonyms.</summary>
    public bool IsMatchedBy(IReadOnlySet<string> stems) =>
        Primary.Any(stems.Contains) || Alternatives.Any(stems.Contains);
}

/// <summary>A question after slang normalisation, stop-word removal, stemming and synonym expansion.</summary>
internal sealed record ParsedQuery(string Normalized, IReadOnlyList<QueryConcept> Concepts)
{
    /// <summary>No question at all (for answers decided before retrieval).</summary>
    public static ParsedQuery None { get; } = new(string.Empty, []);

    public bool IsEmpty => Concepts.Count == 0;

    /// <summary>"Apa yang dimaksud dengan …": definitions (Pasal 1) are the answer, not a distraction.</summary>
    public bool AsksForDefinition { get; init; }
}
