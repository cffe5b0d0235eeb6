using System.Text;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// <see cref="IKnowledgeDocumentStore"/> for Bot.Knowledge used alone (tests, tools; the host stores them in its
/// database): one JSON file of passages per document in <c>&lt;knowledge&gt;/documents</c>, the layout hosts used before
/// the documents moved to the database (<see cref="LegacyDocumentImport"/> moves such a folder in). Writing goes
/// through a temporary file and a rename, so a crash never leaves half a document.
/// </summary>
internal sealed class FolderDocumentStore(IOptions<KnowledgeOptions> options) : IKnowledgeDocumentStore
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Folder { get; } = Path.Combine(options.Value.ResolveDataDirectory(null), "documents");

    public bool Save(KnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, StatuteParser.Slug(document.Key) + ".json");
        if (File.Exists(path) && File.ReadAllText(path, Utf8) == document.Passages)
        {
            return false;
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, document.Passages, Utf8);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    public IReadOnlyList<KnowledgeDocumentVersion> List() => ReadAll().Select(d => d.Version).ToList();

    public IReadOnlyList<KnowledgeDocument> Load(IReadOnlyCollection<string> keys) =>
        ReadAll().Where(d => keys.Contains(d.Key, StringComparer.Ordinal)).ToList();

    private List<KnowledgeDocument> ReadAll()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder, "*.json")
            .Select(file => StoredDocuments.FromJson(File.ReadAllText(file, Utf8)))
            .OfType<KnowledgeDocument>()
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToList();
    }
}
