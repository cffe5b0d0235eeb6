using Bot.Dialogs.Tips;
using Microsoft.Playwright;

namespace Bot.Tests.Dashboard;

/// <summary>The dashboard in headless Chromium against the real host on Kestrel.</summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task ACoordinatorSignsInSeesTheTableAndChartsAndDownloadsBothExports()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        await using var browser = await BrowserSession.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        await BrowserSession.SignInAsync(page, app.LinkFor(seed.Coordinator), new Uri(app.BaseAddress, "/dasbor"));
        await BrowserSession.ScreenshotAsync(page, "01-ringkasan");

        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal(3, await page.Locator("#tabel-opd tbody tr").CountAsync());
        var disdik = page.Locator("#tabel-opd tbody tr", new PageLocatorOptions { HasText = "Dinas Pendidikan" });
        Assert.Equal(["Dinas Pendidikan", "2", "1", "1", "0", "0", "0", "0", "0%", "–"], (await disdik.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(2, await page.Locator("#grafik-realisasi rect.bar").CountAsync());
        Assert.Equal(1, await page.Locator("#grafik-pelaporan rect.bar").CountAsync());
        Assert.Contains("0% (0/5", await page.TextContentAsync("#grafik-pelaporan"), StringComparison.Ordinal);
        Assert.Equal(5, await page.Locator("#grafik-program rect.bar").CountAsync());
        Assert.True(await page.Locator("#grafik-realisasi rect.bar").First.EvaluateAsync<double>("r => r.getBBox().width") > 10);

        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#ekspor-csv"));
        var csv = SpreadsheetReaders.ReadCsv(await File.ReadAllBytesAsync(await csvDownload.PathAsync()));
        Assert.Equal("sinergi-rencana-aksi-2027.csv", csvDownload.SuggestedFilename);
        Assert.Equal(10, csv.Count);
        Assert.Contains(csv, r => r.Contains("Pembentukan Desa Bersinar Kandangan"));

        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#ekspor-xlsx"));
        var xlsx = SpreadsheetReaders.ReadXlsx(await File.ReadAllBytesAsync(await xlsxDownload.PathAsync()), out _);
        Assert.Equal("sinergi-rencana-aksi-2027.xlsx", xlsxDownload.SuggestedFilename);
        Assert.Equal(csv[0], xlsx[0]);
        Assert.Equal(10, xlsx.Count);

        await page.ClickAsync("text=Cetak");
        await page.WaitForSelectorAsync("table.detail");
        Assert.Equal(9, await page.Locator("table.detail tbody tr").CountAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync("[data-print]"));
        await BrowserSession.ScreenshotAsync(page, "06-cetak");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.GoBackAsync();

        await page.SelectOptionAsync("select[name=periode]", "B6");
        await page.ClickAsync(".filters button");
        await page.WaitForURLAsync(url => url.Contains("periode=B6", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("#grafik-pelaporan rect.bar").CountAsync());
        var filtered = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#ekspor-csv"));
        Assert.Equal(5, SpreadsheetReaders.ReadCsv(await File.ReadAllBytesAsync(await filtered.PathAsync())).Count);
    }

    [Fact]
    public async Task DrillDownShowsEvidenceImagesInlineAndPdfsAsDownloads()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        await using var browser = await BrowserSession.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, app.LinkFor(seed.Coordinator), new Uri(app.BaseAddress, "/dasbor"));

        // A phone: the page itself never scrolls sideways (the table scrolls inside its own box).
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await BrowserSession.ScreenshotAsync(page, "02-ringkasan-hp");

        await page.ClickAsync("text=Badan Kesbangpol");
        await page.WaitForSelectorAsync("article.commitment");
        var image = page.Locator("ul.evidence img");
        await image.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('ul.evidence img').complete");
        Assert.Equal(32, await image.EvaluateAsync<int>("i => i.naturalWidth"));
        await BrowserSession.ScreenshotAsync(page, "03-opd-hp");

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a.file"));
        Assert.Equal("daftar-hadir.pdf", pdf.SuggestedFilename);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(await pdf.PathAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoordinatorsHandleATipAndSeeItsCleanedPhoto()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        var tips = app.Get<TipService>();
        var saved = await tips.SubmitAsync(
            new TipDraft(TipCategory.Peredaran, "Transaksi sabu tiap malam Minggu di gudang belakang pasar", "Kandangan", "Kandangan Kota", "tiap malam Minggu"),
            TestImages.JpegWithMetadata(), "whatsapp|6281234567890", Support.TestContext.Token);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await BrowserSession.SignInAsync(page, app.LinkFor(seed.Coordinator), new Uri(app.BaseAddress, "/dasbor"));

        await page.ClickAsync("text=Laporan warga");
        await BrowserSession.ScreenshotAsync(page, "04-laporan-warga");
        await page.ClickAsync("text=" + saved.TrackingCode);
        await page.WaitForFunctionAsync("() => document.querySelector('figure.photo img').complete");
        Assert.Equal(32, await page.Locator("figure.photo img").EvaluateAsync<int>("i => i.naturalWidth"));

        await page.SelectOptionAsync("#status", "Diproses");
        await page.FillAsync("input[name=catatan]", "Diteruskan ke seksi pemberantasan");
        await page.ClickAsync("#simpan-status");
        await page.WaitForSelectorAsync("ol.history li");
        await BrowserSession.ScreenshotAsync(page, "05-laporan-detail");

        Assert.Equal(TipStatus.Diproses, tips.Find(saved.TrackingCode)!.Status);
        Assert.Contains("Rina Koordinator", await page.InnerTextAsync("ol.history"), StringComparison.Ordinal);
    }
}
