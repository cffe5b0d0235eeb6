namespace Bot.Knowledge.Passages;

/// <summary>
/// One citable unit: an article (Pasal with its ayat and its Penjelasan) of an ingested statute, or one
/// section of the knowledge pack.
/// </summary>
public sealed record Passage
{
    /// <summary>Stable id, e.g. <c>uu-35-2009/pasal-54</c> or <c>pack/inpres-2-2020/pelaporan</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The document's short key, e.g. <c>UU 35/2009</c>; re-ingesting replaces by this key.</summary>
    public required string DocumentKey { get; init; }

    /// <summary>The document's full title.</summary>
    public required string DocumentTitle { get; init; }

    /// <summary>What an answer cites, e.g. <c>UU 35/2009 Pasal 54</c> or <c>Inpres 2/2020</c>.</summary>
    public required string CitationKey { get; init; }

    /// <summary>The article number ("54", "5A"), or null for a document-level passage.</summary>
    public string? Pasal { get; init; }

    /// <summary>Where it sits (BAB and Bagian) or the pack section's heading.</summary>
    public string? Heading { get; init; }

    /// <summary>The article's text, one ayat or list item per line.</summary>
    public required string Text { get; init; }

    /// <summary>The official elucidation of the article, when there is one worth reading.</summary>
    public string? Explanation { get; init; }

    /// <summary>Extra search words (pack only): synonyms and the ways people ask about it.</summary>
    public string? Keywords { get; init; }

    /// <summary>Legal status in plain words: in force, partly superseded, or how well the fact is verified.</summary>
    public required string Status { get; init; }

    /// <summary>A criminal provision: answers add the note on the new KUHP.</summary>
    public bool IsPenal { get; init; }

    public required PassageSource Source { get; init; }
}

/// <summary>Where a passage came from.</summary>
public enum PassageSource
{
    /// <summary>The knowledge pack written by the team (embedded in the assembly).</summary>
    Pack,

    /// <summary>An official text ingested with the <c>ingest</c> verb.</summary>
    Ingested,
}
