using System.Buffers;
using System.Globalization;
using System.Text;
using Bot.Dialogs.Dashboard;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a BOM (so Excel reads the Indonesian text right), comma-separated, CRLF lines,
/// dot decimals. Text that a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe.
/// Spreadsheets do not all split on the comma: with an Indonesian locale (decimal comma) Excel and LibreOffice
/// split on ';', and a paste splits on tab. A field holding any separator is therefore quoted, so that no part of
/// it can become a cell of its own, starting with '=' (issue 14, finding 12).
/// </summary>
internal static class CsvExport
{
    public static byte[] Write(IReadOnlyList<CommitmentPeriodRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', ExportColumns.All.Select(c => Quote(c.Header))).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', ExportColumns.All.Select(c => Cell(c.Value(row)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        _ => Quote(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)),
    };

    /// <summary>Guards against CSV/formula injection (OWASP): text is never a formula.</summary>
    internal static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",;\t|\"\r\n");

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(NeedsQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
