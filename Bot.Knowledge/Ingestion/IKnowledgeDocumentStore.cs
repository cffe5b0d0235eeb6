namespace Bot.Knowledge.Ingestion;

/// <summary>
/// The ingested documents, kept where every host can read them (the storage port of the knowledge index; the adapters
/// are in Bot.Host/Storage: a LiteDB collection, a PostgreSQL table). Each host builds its Lucene index from them and
/// polls <see cref="List"/> to pick up documents another host or the ingest verb stored (<see cref="KnowledgeRefresher"/>).
/// Used alone (tests, tools), Bot.Knowledge keeps them as files in <c>&lt;knowledge&gt;/documents</c>.
/// </summary>
public interface IKnowledgeDocumentStore
{
    /// <summary>
    /// Stores the document under its key, replacing another version; nothing happens when the same content (same
    /// <see cref="KnowledgeDocument.ContentHash"/>) is stored already, so two hosts ingesting one file write it once.
    /// True when the stored set changed.
    /// </summary>
    bool Save(KnowledgeDocument document);

    /// <summary>Key and content hash of every stored document, by key: what the index compares with its own.</summary>
    IReadOnlyList<KnowledgeDocumentVersion> List();

    /// <summary>The stored documents with these keys (a key not stored is left out).</summary>
    IReadOnlyList<KnowledgeDocument> Load(IReadOnlyCollection<string> keys);
}

/// <summary>Which version of a document is stored.</summary>
/// <param name="Key">The citation key, e.g. "UU 35/2009".</param>
/// <param name="ContentHash">SHA-256 (hex) of <see cref="KnowledgeDocument.Passages"/>.</param>
public sealed record KnowledgeDocumentVersion(string Key, string ContentHash);

/// <summary>An ingested document as stored: its passages as JSON, written and read by Bot.Knowledge only.</summary>
public sealed record KnowledgeDocument(string Key, string ContentHash, string Passages)
{
    public KnowledgeDocumentVersion Version => new(Key, ContentHash);
}
