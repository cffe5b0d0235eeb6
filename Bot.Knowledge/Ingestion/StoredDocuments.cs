using System.Security.Cryptography;
using System.Text;
using Bot.Knowledge.Passages;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Ingestion;

/// <summary>An ingested document's passages to and from its stored form (JSON with the SHA-256 of that JSON).</summary>
internal static class StoredDocuments
{
    public static KnowledgeDocument ToStored(string key, IReadOnlyList<Passage> passages)
    {
        var json = PassageDocuments.Serialize(passages);
        return new KnowledgeDocument(key, Hash(json), json);
    }

    public static IReadOnlyList<Passage> Passages(KnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PassageDocuments.Deserialize(document.Passages);
    }

    /// <summary>A document from its passages' JSON alone (the key is the passages' document key); null when it has none.</summary>
    public static KnowledgeDocument? FromJson(string json)
    {
        var passages = PassageDocuments.Deserialize(json);
        return passages.Count == 0 ? null : new KnowledgeDocument(passages[0].DocumentKey, Hash(json), json);
    }

    private static string Hash(string json) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
