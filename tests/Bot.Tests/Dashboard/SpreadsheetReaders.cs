using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Bot.Tests.Dashboard;

/// <summary>
/// Independent readers for the exports: an RFC 4180 CSV parser and XLSX readers over the zip's XML (cell text, and
/// each cell's type and number format as the package declares them).
/// </summary>
internal static class SpreadsheetReaders
{
    /// <summary>Reads the CSV as a spreadsheet set to <paramref name="separator"/> would (quotes honoured).</summary>
    public static List<string[]> ReadCsv(byte[] bytes, char separator = ',')
    {
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "the CSV must start with a UTF-8 BOM");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        Assert.Equal(0, cell.Length + row.Count);
        return rows;
    }

    /// <summary>The first sheet as rows of cells (by column letter order), reading inline and shared strings and numbers.</summary>
    public static List<string?[]> ReadXlsx(byte[] bytes, out bool hasFormulas)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        var workbook = Load(zip, "xl/workbook.xml");
        Assert.Single(workbook.Descendants(main + "sheet"));
        var sheet = Load(zip, "xl/worksheets/sheet1.xml");
        hasFormulas = sheet.Descendants(main + "f").Any();
        var rows = new List<string?[]>();
        foreach (var row in sheet.Descendants(main + "row"))
        {
            var cells = new SortedDictionary<int, string?>();
            foreach (var c in row.Elements(main + "c"))
            {
                var reference = (string)c.Attribute("r")!;
                var column = reference.TakeWhile(char.IsLetter).Aggregate(0, (n, l) => n * 26 + l - 'A' + 1) - 1;
                cells[column] = (string?)c.Attribute("t") == "inlineStr"
                    ? string.Concat(c.Descendants(main + "t").Select(t => t.Value))
                    : c.Element(main + "v")?.Value;
            }

            var values = new string?[cells.Count == 0 ? 0 : cells.Keys.Max() + 1];
            foreach (var (column, value) in cells)
            {
                values[column] = value;
            }

            rows.Add(values);
        }

        return rows;
    }

    /// <summary>Every cell of the first sheet by reference ("A1"): its type attribute, raw value and number format.</summary>
    public static Dictionary<string, XlsxCell> ReadXlsxCells(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var styles = Load(zip, "xl/styles.xml");
        var customFormats = styles.Descendants(main + "numFmt")
            .ToDictionary(f => (string)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!);
        var cellFormats = styles.Descendants(main + "cellXfs").Single().Elements(main + "xf")
            .Select(xf => (string?)xf.Attribute("numFmtId") ?? "0")
            .Select(id => customFormats.GetValueOrDefault(id) ?? "builtin " + id)
            .ToList();
        var sheet = Load(zip, "xl/worksheets/sheet1.xml");
        return sheet.Descendants(main + "c").ToDictionary(
            c => (string)c.Attribute("r")!,
            c => new XlsxCell(
                (string?)c.Attribute("t"),
                (string?)c.Attribute("t") == "inlineStr" ? string.Concat(c.Descendants(main + "t").Select(t => t.Value)) : c.Element(main + "v")?.Value,
                cellFormats[(int?)c.Attribute("s") ?? 0]));
    }

    private static XDocument Load(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)?.Open() ?? throw new InvalidDataException(name + " is missing");
        return XDocument.Load(stream);
    }
}

/// <summary>One cell as stored: <c>t</c> (null or "n" for numbers), its raw value, and its number format code.</summary>
internal sealed record XlsxCell(string? Type, string? Value, string NumberFormat);
