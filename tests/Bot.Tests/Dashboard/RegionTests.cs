using Bot.Dialogs.Coordinator;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Host.Cli;
using Bot.Host.Web.Dashboard;
using Bot.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Dashboard;

/// <summary>
/// Issue 19: the exports' Kabupaten/Kota column used to be empty because nothing set an OPD's region. Now new OPDs
/// take <c>Sinergi:Region</c>, OPDs without one get it at start-up, and <c>admin wilayah</c> sets one OPD's.
/// </summary>
public sealed class RegionTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task NewAndExistingOpdsTakeTheConfiguredRegionAndTheExportShowsIt()
    {
        using (var plain = new DialogsHost(_folder.Path))
        {
            plain.Get<IOrganisationStore>().Insert(new Organisation { Name = "Dinas Pendidikan", ShortName = "Disdik" });
        }

        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now), new Dictionary<string, string?> { ["Sinergi:Region"] = " Hulu Sungai Selatan " });
        await host.Get<IEnumerable<IHostedService>>().OfType<DefaultRegionFiller>().Single().StartAsync(TestContext.Token);
        var coordinator = ConversationScenarios.Coordinator(host);
        await coordinator.SayAsync("tambah opd Dinas Sosial (Dinsos) WITA", "tersimpan");

        var organisations = host.Get<IOrganisationStore>();
        Assert.Equal("Hulu Sungai Selatan", organisations.FindByName("Disdik")!.Region);
        Assert.Equal("Hulu Sungai Selatan", organisations.FindByName("Dinsos")!.Region);
        Assert.Equal(0, host.Get<OrganisationRegions>().FillMissing());
    }

    [Fact]
    public async Task TheAdminVerbSetsOneOpdsRegionAndTheExportsShowIt()
    {
        using (var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now)))
        {
            var seed = DashboardSeed.Plant(host);
            Assert.NotNull(seed.Disdik.Region);
        }

        var (exit, output, _) = await AdminAsync("wilayah", "disdik", "Kota Banjarmasin");
        Assert.Equal(0, exit);
        Assert.Equal("Dinas Pendidikan (DISDIK): Kabupaten/Kota Kota Banjarmasin", output.Trim());

        using (var host = new DialogsHost(_folder.Path, new FakeTimeProvider(DashboardSeed.Now)))
        {
            var rows = host.Get<DashboardStatistics>().Rows(new DashboardFilter(2027));
            AssertRegions([.. SpreadsheetReaders.ReadCsv(CsvExport.Write(rows))]);
            AssertRegions([.. SpreadsheetReaders.ReadXlsx(XlsxExport.Write(rows, "Rencana Aksi 2027"), out _)]);
        }
    }

    [Fact]
    public async Task TheAdminVerbExplainsBadUse()
    {
        Assert.Equal(2, (await AdminAsync("wilayah", "Dinkes")).Exit);
        Assert.Equal(2, (await AdminAsync("wilayah", "Dinkes", "123")).Exit);
        Assert.Equal(2, (await AdminAsync("wilayah", "Dinkes", new string('a', 101))).Exit);
        var (exit, _, error) = await AdminAsync("wilayah", "Dinas Rahasia", "Kota Banjarmasin");
        Assert.Equal(3, exit);
        Assert.Contains("No OPD is called \"Dinas Rahasia\"", error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Every row names its OPD's region: the one admin wilayah set for Disdik, the seed's for the others.</summary>
    private static void AssertRegions(string?[][] sheet)
    {
        var opd = sheet[0].ToList().IndexOf("OPD");
        var region = sheet[0].ToList().IndexOf("Kabupaten/Kota");
        Assert.Equal(10, sheet.Length);
        Assert.All(sheet.Skip(1), r => Assert.Equal(r[opd] == "Dinas Pendidikan" ? "Kota Banjarmasin" : "Hulu Sungai Selatan", r[region]));
    }

    private async Task<(int Exit, string Output, string Error)> AdminAsync(params string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exit = await AdminVerb.RunAsync(args, output, error, () => VerbHost.Build(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder.Path }).Services, TestContext.Token);
        return (exit, output.ToString(), error.ToString());
    }
}
