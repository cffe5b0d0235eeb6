using Bot.Dialogs.Enrollment;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bot.Tests.Browser;

/// <summary>
/// Issue 15 in the official Web Chat, headless Chromium with a profile on disk, against the real host on Kestrel: a
/// coordinator signs in once; a new tab and a browser restart are still that coordinator; their own uploaded file
/// name is readable in their bubble; "keluar" starts the page afresh as a stranger.
/// </summary>
public sealed class WebChatIdentityBrowserTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly TempDirectory _data = new();
    private readonly TempDirectory _profile = new();
    private KestrelHost? _host;
    private IPlaywright? _playwright;
    private string _chromium = string.Empty;

    public async Task InitializeAsync()
    {
        _chromium = Environment.GetEnvironmentVariable("SINERGI_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        Assert.True(File.Exists(_chromium), $"Chromium was not found at {_chromium}. Run ./test.sh (it installs Debian's chromium package) or set SINERGI_CHROMIUM to a Chromium binary.");
        _host = new KestrelHost(_data.Path);
        _playwright = await Playwright.CreateAsync();
    }

    [Fact]
    public async Task ACoordinatorStaysSignedInAcrossTabsAndABrowserRestartUntilKeluar()
    {
        var code = _host!.Services.GetRequiredService<PeopleAdministration>().CreateCoordinator("Rina Wulandari", "Kabid P2M BNNK").Code;
        IPage? page = null;
        var browser = await LaunchAsync();
        try
        {
            page = await OpenAsync(browser);
            await SayAsync(page, "masuk " + code, "Anda masuk sebagai");

            // A new tab: a new conversation, the same person.
            page = await OpenAsync(browser);
            await SayAsync(page, "siapa saya", "Anda terdaftar sebagai Koordinator");
            await Expect(Paragraph(page, "Nama: Rina Wulandari")).ToBeVisibleAsync(new() { Timeout = 20_000 });

            // The user's own file name is readable in their teal bubble (it was teal on teal).
            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "daftar-hadir.png", MimeType = "image/png", Buffer = TinyPng });
            var fileName = page.Locator(".webchat__bubble--from-user .webchat__fileContent__fileName", new() { HasText = "daftar-hadir.png" }).First;
            await Expect(fileName).ToBeVisibleAsync(new() { Timeout = 20_000 });
            Assert.Equal("rgb(255, 255, 255)", await fileName.EvaluateAsync<string>("e => getComputedStyle(e).color"));
            Assert.NotEqual("rgb(255, 255, 255)", await fileName.EvaluateAsync<string>("e => getComputedStyle(e.closest('.webchat__bubble__content')).backgroundColor"));

            // The browser is closed and opened again: the device cookie brings the coordinator back.
            await browser.CloseAsync();
            browser = await LaunchAsync();
            page = await OpenAsync(browser);
            await SayAsync(page, "siapa saya", "Anda terdaftar sebagai Koordinator");

            // "keluar" signs this device out; the page starts afresh, as a stranger.
            // The reloaded page asks for a new token: that request is the signal that it started afresh.
            await page.RunAndWaitForRequestAsync(() => SayAsync(page, "keluar", "Anda sudah keluar"), r => r.Url.EndsWith("/tokens/generate", StringComparison.Ordinal), new() { Timeout = 30_000 });
            await Expect(Paragraph(page, "Halo! Saya")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await SayAsync(page, "siapa saya", "Anda terdaftar sebagai Warga");
        }
        catch (Exception ex) when (page is not null && ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            var shot = Path.Combine(AppContext.BaseDirectory, "browser-failures", "webchat-identity.png");
            Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            throw new InvalidOperationException($"The web chat did not keep the identity; screenshot: {shot}", ex);
        }
        finally
        {
            await browser.CloseAsync();
        }
    }

    private Task<IBrowserContext> LaunchAsync() =>
        _playwright!.Chromium.LaunchPersistentContextAsync(_profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = _chromium,
            Headless = true,
            Args = ChromiumArgs,
            Locale = "id-ID",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });

    private async Task<IPage> OpenAsync(IBrowserContext browser)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_host!.BaseAddress.ToString());
        await Expect(Paragraph(page, "Halo! Saya")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        return page;
    }

    private static async Task SayAsync(IPage page, string text, string expected)
    {
        var input = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
        await Expect(Paragraph(page, expected)).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    // Bot messages are Markdown, rendered as paragraphs (or list items); the transcript's screen-reader labels repeat the text.
    private static ILocator Paragraph(IPage page, string text) => page.Locator("p, li", new() { HasText = text }).Last;

    /// <summary>A 1x1 PNG.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public async Task DisposeAsync()
    {
        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        _profile.Dispose();
    }
}
