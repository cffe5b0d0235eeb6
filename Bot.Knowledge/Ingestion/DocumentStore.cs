using System.Text;
using Bot.Knowledge.Passages;
using Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// The ingested documents as parsed, one JSON file per document key in <c>&lt;knowledge&gt;/documents</c>,
/// so the index can be rebuilt without the original files. Writing goes through a temporary file and a
/// rename, so a crash never leaves half a document.
/// </summary>
internal sealed class DocumentStore(IOptions<KnowledgeOptions> options)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _folder = Path.Combine(options.Value.ResolveDataDirectory(null), "documents");

    public void Save(string documentKey, IReadOnlyList<Passage> passages)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, StatuteParser.Slug(documentKey) + ".json");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, PassageDocuments.Serialize(passages), Utf8);
        File.Move(temporary, path, overwrite: true);
    }

    public IEnumerable<IReadOnlyList<Passage>> LoadAll()
    {
        if (!Directory.Exists(_folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(_folder, "*.json").Order(StringComparer.Ordinal))
        {
            yield return PassageDocuments.Deserialize(File.ReadAllText(file, Utf8));
        }
    }
}
