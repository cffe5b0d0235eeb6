using System.Globalization;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Host.Web.Dashboard;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace Bot.Tests.Dashboard;

/// <summary>The CSV and XLSX exports, read back with independent parsers (and the XLSX with MiniExcel's reader).</summary>
public sealed class ExportTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void CsvHasTheDocumentedColumnsAndOneRowPerCommitmentAndPeriod()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now));
        DashboardSeed.Plant(host);
        var rows = host.Get<DashboardStatistics>().Rows(new DashboardFilter(2027));

        var csv = SpreadsheetReaders.ReadCsv(CsvExport.Write(rows));

        Assert.Equal(ExportColumns.All.Select(c => c.Header), csv[0]);
        Assert.Equal(9, csv.Count - 1);
        Assert.All(csv, r => Assert.Equal(ExportColumns.All.Count, r.Length));
        var village = csv.Single(r => r[Column("Judul Rencana Aksi")] == "Pembentukan Desa Bersinar Kandangan" && r[Column("Periode")] == "B6");
        Assert.Equal("KESBANGPOL", village[Column("Singkatan OPD")]);
        Assert.Equal("2027", village[Column("Tahun")]);
        Assert.Equal("100", village[Column("Persen Realisasi")]);
        Assert.Equal("2027-06-28", village[Column("Tanggal Lapor")]);
        Assert.Equal("Ya", village[Column("Diverifikasi")]);
        Assert.Equal("15000000", village[Column("Anggaran (Rp)")]);
        Assert.Equal("2", village[Column("Jumlah Bukti")]);
        Assert.Contains("\"Kandangan\"", village[Column("Narasi")], StringComparison.Ordinal);
        var talk = csv.Single(r => r[Column("Judul Rencana Aksi")].StartsWith("Sosialisasi", StringComparison.Ordinal) && r[Column("Periode")] == "B6");
        Assert.Equal("3.6", talk[Column("Realisasi")]);
        Assert.Equal("Tidak", talk[Column("Tepat Waktu")]);
    }

    [Fact]
    public void CsvNeutralisesTextThatASpreadsheetWouldRunAsAFormula()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now));
        var seed = DashboardSeed.Plant(host);
        foreach (var title in new[] { "=HYPERLINK(\"http://evil\",\"klik\")", "+62 812", "-1+1", "@SUM(A1)" })
        {
            host.Get<ICommitmentStore>().Register(
                new Commitment { OrganisationId = seed.Disdik.Id, Year = 2027, Title = title, Unit = "x", Periods = [ReportingPeriod.B6], Deadline = new DateOnly(2027, 12, 1) },
                "fokal");
        }

        var rows = host.Get<DashboardStatistics>().Rows(new DashboardFilter(2027));
        var titles = SpreadsheetReaders.ReadCsv(CsvExport.Write(rows)).Skip(1).Select(r => r[Column("Judul Rencana Aksi")]).ToList();
        var xlsx = SpreadsheetReaders.ReadXlsx(XlsxExport.Write(rows, "Rencana Aksi 2027"), out var hasFormulas);

        Assert.Contains("'=HYPERLINK(\"http://evil\",\"klik\")", titles);
        Assert.Contains("'+62 812", titles);
        Assert.Contains("'-1+1", titles);
        Assert.Contains("'@SUM(A1)", titles);
        Assert.DoesNotContain(titles, t => t.Length > 0 && t[0] is '=' or '+' or '-' or '@');

        // In the workbook the same text is an inline string, never a formula, so it stays as typed.
        Assert.False(hasFormulas);
        Assert.Contains(xlsx, r => r[Column("Judul Rencana Aksi")] == "=HYPERLINK(\"http://evil\",\"klik\")");
    }

    /// <summary>
    /// Finding 12 of issue 14: a spreadsheet that splits on ';' (Indonesian locales) or tab saw "Lokasi;=cmd|…" as
    /// two cells, the second a formula, because only commas caused quoting. Whatever the separator, no cell may start
    /// with a formula character now.
    /// </summary>
    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void NoSeparatorLetsAFieldStartAFormulaCell(char separator)
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now));
        var seed = DashboardSeed.Plant(host);
        host.Get<ICommitmentStore>().Register(
            new Commitment
            {
                OrganisationId = seed.Disdik.Id, Year = 2027, Title = "Lokasi;=cmd|' /C calc'!A0", Unit = "x\t+1+1", Location = "Desa|@SUM(A1);-2",
                Periods = [ReportingPeriod.B6], Deadline = new DateOnly(2027, 12, 1),
            },
            "fokal");
        var rows = host.Get<DashboardStatistics>().Rows(new DashboardFilter(2027));

        var cells = SpreadsheetReaders.ReadCsv(CsvExport.Write(rows), separator).SelectMany(r => r).ToList();

        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');
        var comma = SpreadsheetReaders.ReadCsv(CsvExport.Write(rows)).Skip(1).Select(r => r[Column("Judul Rencana Aksi")]);
        Assert.Contains("Lokasi;=cmd|' /C calc'!A0", comma);
    }

    [Fact]
    public void XlsxHoldsTheSameRowsAsTheCsvWithNumbersAsNumbersAndDatesAsDates()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now));
        DashboardSeed.Plant(host);
        var rows = host.Get<DashboardStatistics>().Rows(new DashboardFilter(2027));
        var csv = SpreadsheetReaders.ReadCsv(CsvExport.Write(rows));

        var bytes = XlsxExport.Write(rows, "Rencana Aksi 2027");
        var sheet = ReadWithMiniExcel(bytes);

        Assert.Equal(ExportColumns.All.Select(c => c.Header), sheet.Headers);
        Assert.Equal(csv.Count - 1, sheet.Rows.Count);
        for (var i = 1; i < csv.Count; i++)
        {
            for (var c = 0; c < csv[i].Length; c++)
            {
                var header = csv[0][c];
                var cell = sheet.Rows[i - 1][header];
                if (csv[i][c].Length == 0)
                {
                    Assert.Null(cell);
                }
                else if (DateColumns.Contains(header))
                {
                    Assert.Equal(csv[i][c], Assert.IsType<DateTime>(cell).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                else if (NumberColumns.Contains(header))
                {
                    Assert.Equal(decimal.Parse(csv[i][c], CultureInfo.InvariantCulture), Convert.ToDecimal(cell, CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Equal(csv[i][c], Assert.IsType<string>(cell));
                }
            }
        }

        Assert.All(sheet.Rows, r => Assert.Equal("Hulu Sungai Selatan", r["Kabupaten/Kota"]));
    }

    [Fact]
    public void XlsxCellsAreTypedInThePackage()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now));
        DashboardSeed.Plant(host);
        var rows = host.Get<DashboardStatistics>().Rows(new DashboardFilter(2027));
        var village = rows.Single(r => r.Commitment.Title == "Pembentukan Desa Bersinar Kandangan" && r.Period == ReportingPeriod.B6);
        var line = rows.ToList().IndexOf(village) + 2; // row 1 is the header

        var cells = SpreadsheetReaders.ReadXlsxCells(XlsxExport.Write(rows, "Rencana Aksi 2027"));
        XlsxCell At(string header) => cells[Letter(Column(header)) + line.ToString(CultureInfo.InvariantCulture)];

        // The header spans A1..Y1: one cell per documented column.
        Assert.Equal("OPD", cells["A1"].Value);
        Assert.Equal("Jumlah Bukti", cells["Y1"].Value);
        Assert.DoesNotContain("Z1", cells.Keys);

        // A date is a number (the serial day) shown through a date format, not text.
        var reported = At("Tanggal Lapor");
        Assert.True(reported.Type is null or "n", reported.ToString());
        Assert.Equal(new DateTime(2027, 6, 28).ToOADate().ToString(CultureInfo.InvariantCulture), reported.Value);
        Assert.Equal("yyyy-mm-dd", reported.NumberFormat);

        var budget = At("Anggaran (Rp)");
        Assert.True(budget.Type is null or "n", budget.ToString());
        Assert.Equal("15000000", budget.Value);

        var region = At("Kabupaten/Kota");
        Assert.Contains(region.Type, new[] { "str", "inlineStr", "s" });
        Assert.Equal("Hulu Sungai Selatan", region.Value);
    }

    [Fact]
    public void AnEmptyXlsxStillHasTheHeader()
    {
        var sheet = ReadWithMiniExcel(XlsxExport.Write([], "Rencana Aksi 2031"));

        Assert.Equal(ExportColumns.All.Select(c => c.Header), sheet.Headers);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public void ControlCharactersInANarrativeLeaveAWellFormedWorkbook()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now));
        DashboardSeed.Plant(host);
        var rows = host.Get<DashboardStatistics>().Rows(new DashboardFilter(2027));
        var village = rows.First(r => r.Report?.Narrative is not null);
        village.Report!.Narrative = "baris\u0001satu\u000Bdua";

        var bytes = XlsxExport.Write(rows, "Rencana Aksi 2027");

        // Every part parses as XML 1.0, and the text comes back as typed.
        Assert.NotEmpty(SpreadsheetReaders.ReadXlsxCells(bytes));
        Assert.Contains(ReadWithMiniExcel(bytes).Rows, r => (string?)r["Narasi"] == "baris\u0001satu\u000Bdua");
    }

    private static readonly HashSet<string> DateColumns = ["Tenggat", "Tanggal Lapor", "Tanggal Verifikasi"];

    private static readonly HashSet<string> NumberColumns = ["Tahun", "Target", "Anggaran (Rp)", "Realisasi", "Persen Realisasi", "Jumlah Bukti"];

    /// <summary>The workbook as MiniExcel's own reader sees it: typed values by header.</summary>
    private static (IReadOnlyList<string> Headers, List<IDictionary<string, object?>> Rows) ReadWithMiniExcel(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var headers = MiniExcel.Query(stream).Cast<IDictionary<string, object?>>().First().Values.Cast<string>().ToList();
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        return (headers, rows);
    }

    /// <summary>The column letter; the export has 25 columns, A to Y.</summary>
    private static string Letter(int column) => ((char)('A' + column)).ToString();

    private static int Column(string header) => ExportColumns.All.Select(c => c.Header).ToList().IndexOf(header);

    public void Dispose() => _folder.Dispose();
}
