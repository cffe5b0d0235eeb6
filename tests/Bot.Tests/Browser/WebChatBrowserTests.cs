using Bot.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bot.Tests.Browser;

/// <summary>
/// The official Web Chat bundle in headless Chromium against the real host on Kestrel: the welcome appears, a
/// suggested action and a typed message get their replies, with the WebSocket and with polling.
/// </summary>
public sealed class WebChatBrowserTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly TempDirectory _data = new();
    private KestrelHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("SINERGI_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"Chromium was not found at {chromium}. Run ./test.sh (it installs Debian's chromium package) or set SINERGI_CHROMIUM to a Chromium binary.");
        _host = new KestrelHost(_data.Path);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AVisitorChatsWithSinergi(bool webSocket)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "id-ID" });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        try
        {
            await page.GotoAsync(new Uri(_host!.BaseAddress, webSocket ? "/" : "/?ws=0").ToString());
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Sinergi"));
            await Expect(Paragraph(page, "Halo! Saya")).ToBeVisibleAsync(new() { Timeout = 20_000 });

            await page.Locator("button.webchat__suggested-actions__button", new() { HasText = "Bantuan" }).ClickAsync();
            await Expect(Paragraph(page, "Yang bisa saya lakukan")).ToBeVisibleAsync(new() { Timeout = 20_000 });

            var input = page.Locator("[data-id=\"webchat-sendbox-input\"]");
            await input.FillAsync("tentang sinergi");
            await input.PressAsync("Enter");
            await Expect(Paragraph(page, "Sinergi dibuat untuk jaringan P4GN")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Expect(page.GetByText("tentang sinergi", new() { Exact = true }).First).ToBeVisibleAsync();

            // A reload continues the same conversation: the transcript comes back from the server.
            await page.ReloadAsync();
            await Expect(Paragraph(page, "Sinergi dibuat untuk jaringan P4GN")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            Assert.Empty(consoleErrors);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            var shot = Path.Combine(AppContext.BaseDirectory, "browser-failures", $"webchat-{(webSocket ? "websocket" : "polling")}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            throw new InvalidOperationException($"The web chat did not behave; screenshot: {shot}; browser console errors: {string.Join(" | ", consoleErrors)}", ex);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    // Bot messages are Markdown, rendered as paragraphs; the transcript's screen-reader labels repeat the text.
    private static ILocator Paragraph(IPage page, string text) => page.Locator("p", new() { HasText = text }).First;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public void Dispose() => _data.Dispose();
}
