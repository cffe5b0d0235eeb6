using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Bot.Dialogs.Dashboard;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// A minimal, valid Office Open XML workbook (ECMA-376) written with the framework alone: one sheet, inline
/// strings, number cells, a bold frozen header. Inline strings are never formulas, so no injection guard is needed.
/// </summary>
internal static class XlsxExport
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static byte[] Write(IReadOnlyList<CommitmentPeriodRow> rows, string sheetName)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", XlsxParts.ContentTypes);
            Part(zip, "_rels/.rels", XlsxParts.RootRelationships);
            Part(zip, "xl/workbook.xml", XlsxParts.Workbook(sheetName));
            Part(zip, "xl/_rels/workbook.xml.rels", XlsxParts.WorkbookRelationships);
            Part(zip, "xl/styles.xml", XlsxParts.Styles);
            var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
            using var stream = sheet.Open();
            WriteSheet(stream, rows);
        }

        return buffer.ToArray();
    }

    private static void WriteSheet(Stream stream, IReadOnlyList<CommitmentPeriodRow> rows)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = false });
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", MainNs);
        xml.WriteAttributeString("xmlns", "r", null, RelNs);
        xml.WriteRaw("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        xml.WriteStartElement("sheetData", MainNs);
        WriteRow(xml, 1, ExportColumns.All.Select(c => (object?)c.Header).ToList(), style: 1);
        for (var i = 0; i < rows.Count; i++)
        {
            WriteRow(xml, i + 2, ExportColumns.All.Select(c => c.Value(rows[i])).ToList(), style: 0);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteRow(XmlWriter xml, int number, List<object?> values, int style)
    {
        xml.WriteStartElement("row", MainNs);
        xml.WriteAttributeString("r", number.ToString(CultureInfo.InvariantCulture));
        for (var column = 0; column < values.Count; column++)
        {
            if (values[column] is not { } value)
            {
                continue;
            }

            xml.WriteStartElement("c", MainNs);
            xml.WriteAttributeString("r", CellReference(column, number));
            if (style != 0)
            {
                xml.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
            }

            if (value is decimal n)
            {
                xml.WriteElementString("v", MainNs, n.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", MainNs);
                xml.WriteStartElement("t", MainNs);
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(XmlSafe(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>A1-style reference: column 0 → A, 25 → Z, 26 → AA.</summary>
    internal static string CellReference(int column, int row)
    {
        var letters = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>XML 1.0 cannot carry most control characters; drop them instead of failing the export.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r')
            ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray())
            : text;

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
