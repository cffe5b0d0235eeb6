using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// PDF through PdfPig: text in reading order, one line per text line. Scanned PDFs (images only) carry no
/// text and are rejected with a hint to run OCR first.
/// </summary>
internal sealed class PdfTextReader : IDocumentReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        try
        {
            using var document = PdfDocument.Open(path);
            var text = new StringBuilder();
            foreach (Page page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                text.AppendLine(ContentOrderTextExtractor.GetText(page));
            }

            if (text.ToString().Trim().Length == 0)
            {
                throw new DocumentRejectedException($"{name}: the PDF has no text layer (a scan?); run OCR or convert it to text first.");
            }

            return Task.FromResult(text.ToString());
        }
        catch (Exception ex) when (ex is not DocumentRejectedException and not OperationCanceledException)
        {
            throw new DocumentRejectedException($"{name}: the PDF cannot be read ({ex.Message}). Convert it to text (e.g. pdftotext) and ingest the .txt.", ex);
        }
    }
}
