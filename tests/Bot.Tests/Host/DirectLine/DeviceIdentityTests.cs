using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.DirectLine;

/// <summary>
/// Issue 15, identity that lasts, over the real host on Kestrel: a browser's device cookie makes every new tab (a new
/// Direct Line conversation) and every restart the same user with the same role; another device signs in with a
/// one-time code; "keluar" revokes the device. Each <see cref="CookieContainer"/> is one browser.
/// </summary>
public sealed partial class DeviceIdentityTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task ACoordinatorKeepsTheRoleInANewTabAfterARestartAndOnAnotherDeviceUntilSigningOut()
    {
        var laptop = new CookieContainer();
        string secret;
        string laptopUser;
        string signInCode;
        await using (var host = new KestrelHost(_data.Path))
        {
            // The cookie: HttpOnly, SameSite=Strict, only for the token endpoints, long-lived.
            using (var first = Client(host, laptop))
            using (var response = await first.PostAsync(DirectLineTestClient.Base + "/tokens/generate", null, TestContext.Token))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
                Assert.StartsWith("sinergi_device=", setCookie, StringComparison.Ordinal);
                Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("path=/v3/directline/tokens", setCookie, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("max-age=31536000", setCookie, StringComparison.OrdinalIgnoreCase);
                secret = setCookie["sinergi_device=".Length..setCookie.IndexOf(';', StringComparison.Ordinal)];
            }

            var coordinator = host.Services.GetRequiredService<PeopleAdministration>().CreateCoordinator("Rina Wulandari", "Kabid P2M BNNK");
            var tab1 = await OpenTabAsync(host, laptop);
            await SayAsync(tab1, "masuk " + coordinator.Code, "Anda masuk sebagai **Rina Wulandari** (Koordinator)");
            laptopUser = tab1.UserId;

            // A new tab: a conversation of its own, the same person.
            var tab2 = await OpenTabAsync(host, laptop);
            Assert.NotEqual(tab1.ConversationId, tab2.ConversationId);
            Assert.Equal(laptopUser, tab2.UserId);
            await SayAsync(tab2, "siapa saya", "Koordinator", "Rina Wulandari");
            var reply = await SayAsync(tab2, "kode masuk", "Kode masuk untuk **Rina Wulandari**");
            signInCode = CodePattern().Match(reply).Groups[1].Value;
        }

        // The secret is never stored, only its hash.
        Assert.False(DatabaseFileScan.Contains(DatabaseFileScan.ReadClosedDatabaseFiles(Path.Combine(_data.Path, "sinergi.db")), Encoding.UTF8.GetBytes(secret)));

        await using (var restarted = new KestrelHost(_data.Path))
        {
            // The browser was closed and the host restarted: still the same person.
            var tab3 = await OpenTabAsync(restarted, laptop);
            Assert.Equal(laptopUser, tab3.UserId);
            await SayAsync(tab3, "siapa saya", "Koordinator", "Rina Wulandari");

            // Another device: a stranger until it signs in with the code from the laptop.
            var phone = new CookieContainer();
            var phoneTab = await OpenTabAsync(restarted, phone);
            Assert.NotEqual(laptopUser, phoneTab.UserId);
            await SayAsync(phoneTab, "siapa saya", "Warga");
            await SayAsync(phoneTab, "masuk " + signInCode, "Anda masuk sebagai **Rina Wulandari**");
            var phoneTab2 = await OpenTabAsync(restarted, phone);
            await SayAsync(phoneTab2, "siapa saya", "Koordinator");

            // Signing out on the phone revokes the phone only: its conversation's token is not refreshed again,
            // and the next token is a new identity.
            var bye = await SayAsync(phoneTab2, "keluar", "Anda sudah keluar, Rina Wulandari");
            Assert.Contains("signedOut", bye, StringComparison.Ordinal);
            using (var refresh = await phoneTab2.SendAsync(HttpMethod.Post, DirectLineTestClient.Base + "/tokens/refresh"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
            }

            var afterSignOut = await OpenTabAsync(restarted, phone);
            Assert.NotEqual(phoneTab.UserId, afterSignOut.UserId);
            await SayAsync(afterSignOut, "siapa saya", "Warga");

            var laptopAgain = await OpenTabAsync(restarted, laptop);
            Assert.Equal(laptopUser, laptopAgain.UserId);
            await SayAsync(laptopAgain, "siapa saya", "Koordinator");
            Assert.Single(restarted.Services.GetRequiredService<IUserStore>().ListCoordinators());
        }
    }

    [Fact]
    public async Task AForgedOrUnknownDeviceCookieGetsANewIdentityNotSomeoneElses()
    {
        await using var host = new KestrelHost(_data.Path);
        var browser = new CookieContainer();
        var first = await OpenTabAsync(host, browser);
        browser.Add(host.BaseAddress, new Cookie("sinergi_device", "forged-secret-value", "/v3/directline/tokens"));
        var second = await OpenTabAsync(host, browser);
        Assert.NotEqual(first.UserId, second.UserId);
        Assert.StartsWith("dl_", second.UserId, StringComparison.Ordinal);
    }

    private static HttpClient Client(KestrelHost host, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>What the page does in a new tab: a token (the cookie says who), then the conversation's start.</summary>
    private static async Task<DirectLineTestClient> OpenTabAsync(KestrelHost host, CookieContainer cookies)
    {
        var tab = new DirectLineTestClient(Client(host, cookies));
        await tab.GenerateAsync();
        await tab.StartAsync();
        await tab.PollUntilAsync("", 1);
        return tab;
    }

    /// <summary>Posts a message and waits for the bot's reply containing <paramref name="expected"/>; returns the replies as JSON.</summary>
    private static async Task<string> SayAsync(DirectLineTestClient tab, string text, params string[] expected)
    {
        var (_, watermark) = await tab.PollAsync(null);
        await tab.PostMessageAsync(text, Guid.NewGuid().ToString("N"));
        var (activities, _) = await tab.PollUntilAsync(watermark, all => all.Any(a => DirectLineTestClient.Role(a) == "bot" && expected.All(e => DirectLineTestClient.Text(a).Contains(e, StringComparison.Ordinal))));
        return string.Join("\n", activities.Where(a => DirectLineTestClient.Role(a) == "bot").Select(a => JsonSerializer.Serialize(a)));
    }

    [GeneratedRegex(@"\*([A-Z0-9]{8})\*")]
    private static partial Regex CodePattern();

    public void Dispose() => _data.Dispose();
}
