using System.Net;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Dashboard;

/// <summary>
/// ASP.NET Core's rate-limiting middleware on the endpoints without limits of their own (issue 19), over real Kestrel
/// on loopback: per client address, per account once signed in, 429 with Retry-After, refilled on the injected clock.
/// </summary>
public sealed class HttpRateLimitTests
{
    [Fact]
    public async Task SignInPagesAreLimitedPerAddressAndRefillOnTheInjectedClock()
    {
        using var app = new DashboardApplication(settings: new Dictionary<string, string?> { ["HttpRateLimit:SignInPerMinute"] = "3" });
        using var client = app.Client();
        var page = new Uri("/dasbor/masuk?t=tidak-sah", UriKind.Relative);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page, TestContext.Token)).StatusCode);
        }

        var refused = await client.GetAsync(page, TestContext.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var wait = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(wait, System.Globalization.CultureInfo.InvariantCulture), 1, 20);
        var post = await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = "x" }), TestContext.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, post.StatusCode);

        // One permit comes back every 20 s of the fake clock; no real time passes.
        app.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page, TestContext.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(page, TestContext.Token)).StatusCode);
    }

    [Fact]
    public async Task ExportsAreLimitedPerSignedInAccount()
    {
        using var app = new DashboardApplication(settings: new Dictionary<string, string?> { ["HttpRateLimit:ExportsPerMinute"] = "2" });
        var seed = DashboardSeed.Plant(app);
        var users = app.Get<IUserStore>();
        var colleague = users.GetOrCreate("test|koordinator-2", "Budi Koordinator", "id-ID");
        colleague.Role = Role.Koordinator;
        users.Update(colleague);
        using var first = await SignedInAsync(app, seed.Coordinator);
        using var second = await SignedInAsync(app, colleague);
        var csv = new Uri("/dasbor/ekspor.csv", UriKind.Relative);
        var xlsx = new Uri("/dasbor/ekspor.xlsx", UriKind.Relative);

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(csv, TestContext.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(xlsx, TestContext.Token)).StatusCode);
        var refused = await first.GetAsync(csv, TestContext.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri("/dasbor", UriKind.Relative), TestContext.Token)).StatusCode);

        // The colleague at the same address has a bucket of their own.
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(csv, TestContext.Token)).StatusCode);
        app.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(csv, TestContext.Token)).StatusCode);
    }

    [Fact]
    public async Task WebhooksAndEvidenceLinksAreLimitedPerAddress()
    {
        using var app = new DashboardApplication(settings: new Dictionary<string, string?>
        {
            ["HttpRateLimit:WebhooksPerMinute"] = "2",
            ["HttpRateLimit:EvidencePerMinute"] = "1",
        });
        using var client = app.Client();
        Task<HttpResponseMessage> PostEmptyActivity() =>
            client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Token);

        // The channel answers the first two itself (an empty activity is bad input); the third meets the limit.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostEmptyActivity()).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostEmptyActivity()).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostEmptyActivity()).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(new Uri("/api/whatsapp", UriKind.Relative), TestContext.Token)).StatusCode);

        var evidence = new Uri("/bukti/" + new string('a', 64) + "/x.jpg?t=palsu", UriKind.Relative);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(evidence, TestContext.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(evidence, TestContext.Token)).StatusCode);
    }

    private static async Task<HttpClient> SignedInAsync(DashboardApplication app, BotUser user)
    {
        var client = app.Client(new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardSignInTests.PostTokenAsync(client, app.LinkFor(user))).StatusCode);
        return client;
    }
}
