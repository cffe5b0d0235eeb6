using Microsoft.Playwright;

namespace Bot.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright (never `playwright install`: nothing is downloaded). SINERGI_CHROMIUM
/// overrides the path; a missing browser fails the test with the command that installs it.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> StartAsync()
    {
        var path = Environment.GetEnvironmentVariable("SINERGI_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        Assert.True(File.Exists(path), $"Chromium was not found at {path}. Run ./test.sh (it installs Debian's chromium package) or set SINERGI_CHROMIUM.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>
    /// Opens a sign-in link, presses "Masuk" and waits until the dashboard's table is there. It waits for the element
    /// the tests need, not for the page's load event: on a machine busy with the rest of the suite, the load event of
    /// a page whose table is already shown came after Playwright's default 30 s.
    /// </summary>
    public static async Task SignInAsync(IPage page, Uri link, Uri dashboard)
    {
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync(link.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.ClickAsync("#masuk");
        await page.WaitForURLAsync(dashboard.AbsoluteUri, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("#tabel-opd");
    }

    /// <summary>Saves a screenshot when SINERGI_SCREENSHOTS names a folder (for looking at the pages by hand).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SINERGI_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
