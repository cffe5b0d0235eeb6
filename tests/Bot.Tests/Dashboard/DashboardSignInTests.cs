using System.Net;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine.Protection;
using Bot.Dialogs.Progress;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Bot.Host.Web.SignedLinks;
using Bot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;

namespace Bot.Tests.Dashboard;

/// <summary>Sign-in by one-time link and the guard on every dashboard route, over real HTTP.</summary>
public sealed class DashboardSignInTests
{
    [Fact]
    public async Task CoordinatorLinkSetsAStrictHttpOnlyCookieAndOpensTheDashboard()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        var cookies = new CookieContainer();
        using var client = app.Client(cookies);
        var link = app.LinkFor(seed.Coordinator);

        var confirm = await client.GetAsync(link, TestContext.Token);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("name=\"t\"", await confirm.Content.ReadAsStringAsync(TestContext.Token), StringComparison.Ordinal);

        var signIn = await PostTokenAsync(client, link);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/dasbor", signIn.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(DashboardCookieName + "=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dasbor", setCookie, StringComparison.OrdinalIgnoreCase);

        var page = await client.GetAsync(new Uri("/dasbor", UriKind.Relative), TestContext.Token);
        var html = await page.Content.ReadAsStringAsync(TestContext.Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"tabel-opd\"", html, StringComparison.Ordinal);
        Assert.Contains("Dinas Kesehatan", html, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ALinkWorksOnlyOnce()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        using var client = app.Client(new CookieContainer());
        var link = app.LinkFor(seed.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await PostTokenAsync(client, link)).StatusCode);

        using var other = app.Client(new CookieContainer());
        var again = await PostTokenAsync(other, link);
        var page = await other.GetAsync(link, TestContext.Token);

        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.False(again.Headers.Contains("Set-Cookie"));
        Assert.Contains("sudah pernah dipakai", await again.Content.ReadAsStringAsync(TestContext.Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task ALinkExpiresAfterFifteenMinutes()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        using var client = app.Client(new CookieContainer());
        var link = app.LinkFor(seed.Coordinator);
        app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        var response = await PostTokenAsync(client, link);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("kedaluwarsa", await response.Content.ReadAsStringAsync(TestContext.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkStillWorksJustBeforeItExpires()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        using var client = app.Client(new CookieContainer());
        var link = app.LinkFor(seed.Coordinator);
        app.Time.Advance(TimeSpan.FromMinutes(14));

        Assert.Equal(HttpStatusCode.Redirect, (await PostTokenAsync(client, link)).StatusCode);
    }

    [Fact]
    public async Task AFokalsLinkIsRefused()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        using var client = app.Client(new CookieContainer());

        // The issuer refuses a fokal outright; a correctly signed token for one must fail at sign-in too.
        Assert.Throws<UnauthorizedAccessException>(() => app.Get<DashboardLinkIssuer>().Issue(seed.Fokal));
        var token = app.Get<DashboardLinkTokens>().Protect(new DashboardLinkToken(DashboardLinkToken.NewId(), seed.Fokal.Id, app.Time.GetUtcNow().AddMinutes(10)));
        var response = await PostTokenAsync(client, new Uri(app.BaseAddress, "/dasbor/masuk?t=" + token));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ALinkIsRefusedWhenTheRoleWasTakenAwayAfterItWasSent()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        using var client = app.Client(new CookieContainer());
        var link = app.LinkFor(seed.Coordinator);
        seed.Coordinator.Role = Role.Warga;
        app.Get<IUserStore>().Update(seed.Coordinator);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostTokenAsync(client, link)).StatusCode);
    }

    [Theory]
    [InlineData("tamper")]
    [InlineData("other-key")]
    [InlineData("other-purpose")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public async Task AForgedLinkIsRefused(string forgery)
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        using var client = app.Client(new CookieContainer());
        var genuine = app.LinkFor(seed.Coordinator).Query["?t=".Length..];
        var token = forgery switch
        {
            // Flip one character in the middle of the protected bytes: the MAC no longer matches.
            "tamper" => (genuine[genuine.Length / 2] == 'A' ? "B" : "A") is var c ? genuine[..(genuine.Length / 2)] + c + genuine[((genuine.Length / 2) + 1)..] : genuine,
            // A well-formed token from another key ring (another installation).
            "other-key" => new DashboardLinkTokens(new DataProtectionLinks(new EphemeralDataProtectionProvider(), app.Time)).Protect(new DashboardLinkToken(DashboardLinkToken.NewId(), seed.Coordinator.Id, app.Time.GetUtcNow().AddMinutes(10))),
            // The same key ring and a well-formed sign-in payload, under the evidence links' purpose.
            "other-purpose" => app.Get<ILinkProtector>().Protect(EvidenceLinks.Purpose, DashboardLinkToken.NewId() + "\n" + seed.Coordinator.Id, app.Time.GetUtcNow().AddMinutes(10)),
            "garbage" => "not-a-token.at-all",
            _ => string.Empty,
        };

        var response = await PostTokenAsync(client, new Uri(app.BaseAddress, "/dasbor/masuk?t=" + Uri.EscapeDataString(token)));
        var confirm = await client.GetAsync(new Uri(app.BaseAddress, "/dasbor/masuk?t=" + Uri.EscapeDataString(token)), TestContext.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task NothingOfTheDashboardIsReachableWithoutAValidSession()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        var tip = await app.Get<TipService>().SubmitAsync(new TipDraft(TipCategory.Peredaran, "Transaksi sabu di warung dekat pasar", "Kandangan"), TestImages.Jpeg(), "test|warga-x", TestContext.Token);
        var routes = new[]
        {
            "/dasbor", "/dasbor/", "/dasbor?tahun=2027", $"/dasbor/opd/{seed.Dinkes.Id}", "/dasbor/cetak", "/dasbor/ekspor.csv", "/dasbor/ekspor.xlsx",
            "/dasbor/berkas?id=" + Uri.EscapeDataString(seed.PhotoFileId), "/dasbor/berkas?id=" + Uri.EscapeDataString(seed.PdfFileId),
            "/dasbor/laporan-warga", "/dasbor/laporan-warga/" + tip.TrackingCode, "/dasbor/dasbor.css", "/dasbor/dasbor.js", "/dasbor/tidak-ada",
        };

        foreach (var cookie in new[] { null, "0123456789ABCDEF", string.Empty })
        {
            using var client = app.Client();
            foreach (var route in routes)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, route);
                if (cookie is not null)
                {
                    request.Headers.Add("Cookie", DashboardCookieName + "=" + cookie);
                }

                var response = await client.SendAsync(request, TestContext.Token);
                var body = await response.Content.ReadAsStringAsync(TestContext.Token);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route} answered {response.StatusCode} without a session");
                Assert.DoesNotContain("Dinas Kesehatan", body, StringComparison.Ordinal);
                Assert.DoesNotContain("warung", body, StringComparison.Ordinal);
                Assert.Contains("<strong>dasbor</strong> di chat", body, StringComparison.Ordinal);
            }

            var post = await client.PostAsync(new Uri($"/dasbor/laporan-warga/{tip.TrackingCode}/status", UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "Ditolak" }), TestContext.Token);
            Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        }

        Assert.Equal(TipStatus.Baru, app.Get<TipService>().Find(tip.TrackingCode)!.Status);
    }

    [Fact]
    public async Task ASessionEndsAfterItsLifetimeOrWhenTheRoleIsTakenAway()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        using var client = app.Client(new CookieContainer());
        await PostTokenAsync(client, app.LinkFor(seed.Coordinator));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/dasbor", UriKind.Relative), TestContext.Token)).StatusCode);

        app.Time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/dasbor", UriKind.Relative), TestContext.Token)).StatusCode);

        using var second = app.Client(new CookieContainer());
        await PostTokenAsync(second, app.LinkFor(seed.Coordinator));
        seed.Coordinator.Role = Role.Fokal;
        app.Get<IUserStore>().Update(seed.Coordinator);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(new Uri("/dasbor", UriKind.Relative), TestContext.Token)).StatusCode);
    }

    [Fact]
    public async Task AFormWithoutTheSessionsFormTokenIsRefused()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        var tip = await app.Get<TipService>().SubmitAsync(new TipDraft(TipCategory.Pemakaian, "Anak muda pakai ganja di pos ronda", "Angkinang"), null, "test|warga-y", TestContext.Token);
        using var client = app.Client(new CookieContainer());
        await PostTokenAsync(client, app.LinkFor(seed.Coordinator));

        var response = await client.PostAsync(new Uri($"/dasbor/laporan-warga/{tip.TrackingCode}/status", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "Selesai" }), TestContext.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(TipStatus.Baru, app.Get<TipService>().Find(tip.TrackingCode)!.Status);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var app = new DashboardApplication();
        var seed = DashboardSeed.Plant(app);
        using var client = app.Client(new CookieContainer());
        await PostTokenAsync(client, app.LinkFor(seed.Coordinator));
        var page = await client.GetStringAsync(new Uri("/dasbor", UriKind.Relative), TestContext.Token);
        var formToken = FormToken(page);

        var signOut = await client.PostAsync(new Uri("/dasbor/keluar", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ft"] = formToken }), TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/dasbor", UriKind.Relative), TestContext.Token)).StatusCode);
    }

    internal const string DashboardCookieName = "sinergi_dasbor";

    internal static Task<HttpResponseMessage> PostTokenAsync(HttpClient client, Uri link)
    {
        var token = Uri.UnescapeDataString(link.Query["?t=".Length..]);
        return client.PostAsync(new Uri(link, "/dasbor/masuk"), new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = token }), TestContext.Token);
    }

    internal static string FormToken(string html)
    {
        const string marker = "name=\"ft\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }
}
