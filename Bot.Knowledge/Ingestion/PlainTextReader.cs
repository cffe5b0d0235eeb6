using System.Text;

namespace Bot.Knowledge.Ingestion;

/// <summary>Markdown and plain text, UTF-8 (a byte-order mark is honoured).</summary>
internal sealed class PlainTextReader : IDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown", ".txt"];

    public async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, StrictUtf8, cancellationToken);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentRejectedException($"{Path.GetFileName(path)}: the file is not UTF-8 text (save it as UTF-8 and try again).", ex);
        }
    }
}
