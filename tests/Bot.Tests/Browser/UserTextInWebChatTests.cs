using System.Text;
using System.Text.Json;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Bot.Tests.Browser;

/// <summary>
/// Finding 14 of issue 14, in the official Web Chat: a fokal's commitment title
/// <c>[Buka dasbor di sini](http://evil.example/masuk)</c> showed in the coordinator's web chat as a clickable link.
/// A fokal registers that title and reports with HTML and a bare address in the narrative; the coordinator opens
/// them in headless Chromium, where they must read as typed, with no link and no HTML element of theirs.
/// </summary>
public sealed class UserTextInWebChatTests : IAsyncLifetime, IDisposable
{
    private const string Title = "[Buka dasbor di sini](http://evil.example/masuk)";
    private const string Narrative = "Lihat <b>tebal</b> di www.evil.example atau **sini**";

    private readonly TempDirectory _data = new();
    private KestrelHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("SINERGI_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"Chromium was not found at {chromium}. Run ./test.sh or set SINERGI_CHROMIUM.");
        // The plan year of the seeded commitment (RA-2027-001, deadline 30/6) is the fake clock's.
        _host = new KestrelHost(_data.Path, time: new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero)));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
    }

    [Fact]
    public async Task AFokalsTitleAndNarrativeReadAsTextInTheCoordinatorsWebChat()
    {
        await SubmitReportAsFokalAsync();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "id-ID" });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(_host!.BaseAddress.ToString());
            await Expect(page.Locator("p", new() { HasText = "Halo! Saya" }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
            PromoteToCoordinator(await WebChatUserIdAsync(page));

            await SendAsync(page, "verifikasi");
            await Expect(page.GetByText(Title).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await SendAsync(page, "1");
            await Expect(page.GetByText(Narrative).First).ToBeVisibleAsync(new() { Timeout = 20_000 });

            var transcript = page.Locator(".webchat__basic-transcript");
            Assert.Equal(0, await transcript.Locator("a[href*='evil.example']").CountAsync());
            Assert.Equal(0, await transcript.Locator("b", new() { HasText = "tebal" }).CountAsync());
            Assert.Equal(0, await transcript.Locator("strong", new() { HasText = "sini" }).CountAsync());
        }
        finally
        {
            await context.CloseAsync();
        }
    }

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

    private async Task SubmitReportAsFokalAsync()
    {
        var services = _host!.Services;
        var organisation = services.GetRequiredService<IOrganisationStore>().Insert(new Organisation { Name = "Dinas Kesehatan", ShortName = "Dinkes", TimeZone = "WITA" });
        var invite = services.GetRequiredService<IInviteCodeStore>().Create(organisation.Id, "seed");
        var answers = new[]
        {
            "gabung " + invite.Id, "Sari Fokal", "Staf Dinkes", "rencana aksi baru", "Pencegahan", "Sosialisasi", Title, "jumlah peserta", "100 orang", "Kandangan", "lewati",
            "30/6", "B6 dan B12", "ya", "lapor RA-2027-001 B6", "30", Narrative, "selesai", "ya",
        };
        var turns = services.GetRequiredService<TurnProcessor>();
        foreach (var answer in answers)
        {
            await turns.ProcessAsync(Some.Message("fokal-conv", "fokal", answer), TestContext.Token);
        }

        Assert.Single(services.GetRequiredService<IProgressReportStore>().ListByState(ReportState.Submitted));
    }

    private void PromoteToCoordinator(string webChatUserId)
    {
        var users = _host!.Services.GetRequiredService<IUserStore>();
        var user = users.GetOrCreate(TurnProcessor.UserKey("directline", webChatUserId), null, "id-ID");
        user.Role = Role.Koordinator;
        users.Update(user);
    }

    /// <summary>The user id of the page's Direct Line token (the page keeps it in sessionStorage).</summary>
    private static async Task<string> WebChatUserIdAsync(IPage page)
    {
        var saved = await page.EvaluateAsync<string>("() => sessionStorage.getItem('sinergi.directline')");
        var token = JsonDocument.Parse(saved).RootElement.GetProperty("token").GetString()!;
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.GetProperty("user").GetString()!;
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
