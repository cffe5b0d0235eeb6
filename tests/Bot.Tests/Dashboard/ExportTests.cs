using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Host.Web.Dashboard;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Dashboard;

/// <summary>The CSV and XLSX exports, read back with independent parsers.</summary>
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
            host.Get<CommitmentStore>().Register(
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
        host.Get<CommitmentStore>().Register(
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
    public void XlsxHoldsTheSameRowsWithNumbersAsNumbers()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now));
        DashboardSeed.Plant(host);
        var rows = host.Get<DashboardStatistics>().Rows(new DashboardFilter(2027));

        var sheet = SpreadsheetReaders.ReadXlsx(XlsxExport.Write(rows, "Rencana Aksi 2027"), out _);
        var csv = SpreadsheetReaders.ReadCsv(CsvExport.Write(rows));

        Assert.Equal(ExportColumns.All.Select(c => c.Header), sheet[0]);
        Assert.Equal(csv.Count, sheet.Count);
        for (var i = 1; i < csv.Count; i++)
        {
            for (var c = 0; c < csv[i].Length; c++)
            {
                var cell = c < sheet[i].Length ? sheet[i][c] ?? string.Empty : string.Empty;
                Assert.Equal(csv[i][c], cell);
            }
        }
    }

    [Theory]
    [InlineData(0, 1, "A1")]
    [InlineData(25, 2, "Z2")]
    [InlineData(26, 3, "AA3")]
    [InlineData(701, 4, "ZZ4")]
    [InlineData(702, 5, "AAA5")]
    public void CellReferencesFollowTheA1Scheme(int column, int row, string expected) =>
        Assert.Equal(expected, XlsxExport.CellReference(column, row));

    private static int Column(string header) => ExportColumns.All.Select(c => c.Header).ToList().IndexOf(header);

    public void Dispose() => _folder.Dispose();
}
