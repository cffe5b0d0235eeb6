using Bot.Knowledge.Ingestion;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The ingested statutes in <c>knowledge_documents</c>, shared by every host. A save is one upsert that writes only
/// when the content hash differs, so hosts or ingest runs storing the same file at once write it once and never
/// conflict; the last different version stored wins, and every host's index follows it at its next sync.
/// </summary>
internal sealed class PostgresKnowledgeDocumentStore(PostgresDatabase database) : IKnowledgeDocumentStore
{
    public bool Save(KnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return database.Use((c, t) => c.Execute(
            """
            insert into knowledge_documents (key, content_hash, passages) values (@Key, @ContentHash, @Passages)
            on conflict (key) do update set content_hash = excluded.content_hash, passages = excluded.passages, stored_at = now()
            where knowledge_documents.content_hash <> excluded.content_hash
            """,
            document,
            t)) > 0;
    }

    public IReadOnlyList<KnowledgeDocumentVersion> List() => database.Use((c, t) => c.Query<(string Key, string ContentHash)>(
            "select key, content_hash from knowledge_documents order by key collate \"C\"", transaction: t)
        .Select(r => new KnowledgeDocumentVersion(r.Key, r.ContentHash))
        .ToList());

    public IReadOnlyList<KnowledgeDocument> Load(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return database.Use((c, t) => c.Query<(string Key, string ContentHash, string Passages)>(
                "select key, content_hash, passages from knowledge_documents where key = any(@keys) order by key collate \"C\"",
                new { keys = keys.ToArray() },
                t)
            .Select(r => new KnowledgeDocument(r.Key, r.ContentHash, r.Passages))
            .ToList());
    }
}
