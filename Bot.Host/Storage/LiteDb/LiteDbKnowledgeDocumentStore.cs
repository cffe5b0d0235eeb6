using Bot.Knowledge.Ingestion;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>The ingested statutes in <c>knowledge_documents</c> (id: the citation key), next to the rest of the data.</summary>
internal sealed class LiteDbKnowledgeDocumentStore(SinergiDatabase database) : IKnowledgeDocumentStore
{
    private readonly ILiteCollection<StoredKnowledgeDocument> _documents = database.Collection<StoredKnowledgeDocument>("knowledge_documents");

    public bool Save(KnowledgeDocument document) => database.InTransaction(() =>
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_documents.FindById(document.Key) is { } stored && stored.ContentHash == document.ContentHash)
        {
            return false;
        }

        _documents.Upsert(new StoredKnowledgeDocument { Id = document.Key, ContentHash = document.ContentHash, Passages = document.Passages });
        return true;
    });

    public IReadOnlyList<KnowledgeDocumentVersion> List() =>
        _documents.FindAll().Select(d => new KnowledgeDocumentVersion(d.Id, d.ContentHash)).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();

    public IReadOnlyList<KnowledgeDocument> Load(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Select(k => _documents.FindById(k)).OfType<StoredKnowledgeDocument>()
            .Select(d => new KnowledgeDocument(d.Id, d.ContentHash, d.Passages)).ToList();
    }

    private sealed class StoredKnowledgeDocument
    {
        public string Id { get; set; } = string.Empty;
        public string ContentHash { get; set; } = string.Empty;
        public string Passages { get; set; } = string.Empty;
    }
}
