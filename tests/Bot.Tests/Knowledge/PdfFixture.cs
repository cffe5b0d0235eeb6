using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Bot.Tests.Knowledge;

/// <summary>Writes a real PDF with a text layer, one line of text per line (PdfPig's builder).</summary>
public static class PdfFixture
{
    public static byte[] Create(IEnumerable<string> lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = 800.0;
        foreach (var line in lines)
        {
            page.AddText(line, 9, new PdfPoint(30, y), font);
            y -= 14;
        }

        return builder.Build();
    }
}
