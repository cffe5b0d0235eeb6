using System.Data;
using Bot.Dialogs.Dashboard;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// The export as one XLSX sheet, written by MiniExcel: a bold frozen header, numbers as number cells, dates as
/// date cells (yyyy-mm-dd) and text as plain strings. No cell is ever a formula, so text needs no injection guard.
/// </summary>
internal static class XlsxExport
{
    private const string DateFormat = "yyyy-mm-dd";

    public static byte[] Write(IReadOnlyList<CommitmentPeriodRow> rows, string sheetName)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(Table(rows), sheetName: SheetName(sheetName), excelType: ExcelType.XLSX, configuration: Configuration);
        return buffer.ToArray();
    }

    private static OpenXmlConfiguration Configuration => new()
    {
        AutoFilter = false,
        DynamicColumns = [.. ExportColumns.All.Where(c => c.Day is not null).Select(c => new DynamicExcelColumn(c.Header) { Format = DateFormat })],
    };

    /// <summary>A table with the headers even when there is no row; each cell keeps its value's own type.</summary>
    private static DataTable Table(IReadOnlyList<CommitmentPeriodRow> rows)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in ExportColumns.All)
        {
            table.Columns.Add(column.Header, typeof(object));
        }

        foreach (var row in rows)
        {
            table.Rows.Add([.. ExportColumns.All.Select(c => Cell(c, row))]);
        }

        return table;
    }

    private static object Cell(ExportColumn column, CommitmentPeriodRow row) =>
        (column.Day is { } day ? day(row)?.ToDateTime(TimeOnly.MinValue) : column.Value(row)) ?? DBNull.Value;

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\ (Excel refuses the file otherwise).</summary>
    private static string SheetName(string name)
    {
        var safe = new string([.. name.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0)]);
        return safe.Length == 0 ? "Rencana Aksi" : safe[..Math.Min(31, safe.Length)];
    }
}
