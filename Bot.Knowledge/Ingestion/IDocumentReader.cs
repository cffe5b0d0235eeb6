namespace Bot.Knowledge.Ingestion;

/// <summary>Reads the plain text of one file format; one implementation per format.</summary>
internal interface IDocumentReader
{
    /// <summary>File extensions handled, with the dot (".md").</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>The document's text; throws <see cref="DocumentRejectedException"/> when it cannot be read.</summary>
    Task<string> ReadTextAsync(string path, CancellationToken cancellationToken);
}
