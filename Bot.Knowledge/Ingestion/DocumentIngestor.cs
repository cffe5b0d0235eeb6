using Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Ingests official texts (Markdown, TXT, PDF), article by article: into the document store (the database, shared by
/// every host, which pick it up at their next sync) and this process's index. A document ingested again replaces its
/// earlier version (same citation key); the same content again writes nothing to the store. A file that cannot be
/// read or parsed is rejected with a message and changes nothing.
/// </summary>
public sealed class DocumentIngestor
{
    private readonly Dictionary<string, IDocumentReader> _readers;
    private readonly PassageIndex _index;
    private readonly IKnowledgeDocumentStore _store;
    private readonly ILogger<DocumentIngestor> _logger;

    internal DocumentIngestor(IEnumerable<IDocumentReader> readers, PassageIndex index, IKnowledgeDocumentStore store, ILogger<DocumentIngestor> logger)
    {
        _readers = readers.SelectMany(r => r.Extensions.Select(e => (e, r))).ToDictionary(x => x.e, x => x.r, StringComparer.OrdinalIgnoreCase);
        _index = index;
        _store = store;
        _logger = logger;
    }

    /// <summary>The extensions that can be ingested (".md", ".txt", ".pdf", …).</summary>
    public IReadOnlyCollection<string> SupportedExtensions => _readers.Keys;

    /// <summary>The files a path stands for: the file itself, or the supported files of a folder (recursively).</summary>
    public IReadOnlyList<string> ExpandPath(string path)
    {
        if (File.Exists(path))
        {
            return [Path.GetFullPath(path)];
        }

        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => _readers.ContainsKey(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal)
                .Select(Path.GetFullPath)
                .ToList();
        }

        throw new DocumentRejectedException($"{path}: no such file or folder.");
    }

    /// <summary>Ingests one file; throws <see cref="DocumentRejectedException"/> when it cannot be.</summary>
    public async Task<IngestResult> IngestFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path);
        if (!_readers.TryGetValue(extension, out var reader))
        {
            throw new DocumentRejectedException(
                $"{name}: the format '{extension}' is not supported (supported: {string.Join(", ", SupportedExtensions.Order(StringComparer.Ordinal))}).");
        }

        var text = await reader.ReadTextAsync(path, cancellationToken);
        var parsed = StatuteParser.Parse(text, name);
        var replaced = _index.Find(IndexFields.Document, parsed.Key).Count;
        var stored = StoredDocuments.ToStored(parsed.Key, parsed.Passages);
        _store.Save(stored);
        _index.Replace(stored.Version, parsed.Passages);
        _logger.LogInformation("Ingested {DocumentKey}: {Passages} passages, {Replaced} replaced", parsed.Key, parsed.Passages.Count, replaced);
        return new IngestResult(parsed.Key, parsed.Title, parsed.Passages.Count, parsed.Passages.Count(p => p.Explanation is not null), replaced)
        {
            Passages = parsed.Passages,
        };
    }
}

/// <summary>What one ingested file became.</summary>
/// <param name="DocumentKey">Citation key of the document, e.g. "UU 35/2009".</param>
/// <param name="Title">The document's title.</param>
/// <param name="Articles">Number of Pasal passages.</param>
/// <param name="WithExplanation">How many of them carry their Penjelasan.</param>
/// <param name="Replaced">Passages of an earlier version that were replaced.</param>
public sealed record IngestResult(string DocumentKey, string Title, int Articles, int WithExplanation, int Replaced)
{
    /// <summary>The article passages the file became.</summary>
    public IReadOnlyList<Passages.Passage> Passages { get; init; } = [];
}
