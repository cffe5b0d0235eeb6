using System.Net.Http.Headers;
using System.Net;
using System.Text;
using Bot.Dialogs.Tips;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Dashboard;
using Bot.Tests.Support;

namespace Bot.Tests.Reliability;

/// <summary>
/// Hostile links, cookies, query strings and forms against the coordinator dashboard of the real host (Kestrel,
/// LiteDB file, fake clock). Refusals are 4xx pages that say what to do, never a 5xx and never data; a filter
/// value the dashboard does not know is ignored (200, the default filter, and a notice naming it); and nothing a
/// refused request carried changes the store.
/// </summary>
public sealed class DashboardBadInputTests : IAsyncLifetime, IDisposable
{
    private const string TooLarge = "too large: ";
    // Bad input, not request rates, is the subject here (HttpRateLimitTests has those): the limits are out of reach.
    private readonly DashboardApplication _app = new(settings: new Dictionary<string, string?>
    {
        ["HttpRateLimit:SignInPerMinute"] = "100000",
        ["HttpRateLimit:ExportsPerMinute"] = "100000",
    });
    private DashboardSeed _seed = null!;
    private string _code = null!;
    private int _history;

    public async Task InitializeAsync()
    {
        _seed = DashboardSeed.Plant(_app);
        var submitted = await _app.Get<TipService>().SubmitAsync(
            new TipDraft(TipCategory.Peredaran, "Transaksi sabu di warung dekat pasar", "Kandangan"), TestImages.Jpeg(), "test|warga-x", TestContext.Token);
        _code = submitted.TrackingCode!;
        _history = TipNow().History.Count;
    }

    [Fact]
    public async Task EveryRouteRefusesAMissingForgedOrDeadCookie()
    {
        var (signedOut, _) = await SignInAsync();
        using (var client = ClientWith(signedOut))
        {
            var page = await client.GetStringAsync(new Uri("/dasbor", UriKind.Relative), TestContext.Token);
            using var form = Form(("ft", DashboardSignInTests.FormToken(page)));
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/dasbor/keluar", UriKind.Relative), form, TestContext.Token)).StatusCode);
        }

        var (expired, _) = await SignInAsync();
        _app.Time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        var cookies = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["no cookie"] = null,
            ["empty"] = string.Empty,
            ["a forged secret"] = Convert.ToHexString(new byte[32]),
            ["a 4 kB secret"] = new string('A', 4096),
            ["percent-encoded NUL and invalid UTF-8"] = "%00%FF%FE",
            ["path characters"] = "..%2F..%2Fsinergi.db",
            ["a signed-out session"] = signedOut,
            ["an expired session"] = expired,
        };
        var routes = Routes();
        var before = Snapshot();
        var failures = new List<string>();
        foreach (var (name, cookie) in cookies)
        {
            using var client = _app.Client();
            foreach (var (method, path) in routes)
            {
                using var request = new HttpRequestMessage(method, path);
                if (method == HttpMethod.Post)
                {
                    request.Content = Form(("ft", "0123"), ("status", nameof(TipStatus.Ditolak)));
                }

                if (cookie is not null)
                {
                    request.Headers.TryAddWithoutValidation("Cookie", DashboardSignInTests.DashboardCookieName + "=" + cookie);
                }

                using var response = await client.SendAsync(request, TestContext.Token);
                var body = await response.Content.ReadAsStringAsync(TestContext.Token);
                if (response.StatusCode != HttpStatusCode.Unauthorized || !body.Contains("<strong>dasbor</strong> di chat", StringComparison.Ordinal)
                    || body.Contains("Dinas Kesehatan", StringComparison.Ordinal) || body.Contains("warung", StringComparison.Ordinal))
                {
                    failures.Add($"{name}, {method} {Shorten(path)}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        before.AssertUnchanged(Snapshot(), "refused cookies changed the store");
        Assert.Equal(TipStatus.Baru, TipNow().Status);
        await AssertTheDashboardStillWorksAsync();
    }

    [Fact]
    public async Task SignInRefusesForgedExpiredReusedAndMalformedLinks()
    {
        var genuine = Token(_app.LinkFor(_seed.Coordinator));
        var used = Token(_app.LinkFor(_seed.Coordinator));
        Assert.Equal(HttpStatusCode.Redirect, (await RedeemAsync(_app.Client(new CookieContainer()), used)).StatusCode);
        var expired = Token(_app.LinkFor(_seed.Coordinator));
        var other = Token(_app.LinkFor(_seed.Coordinator));
        // A Data Protection token ends with its HMAC-SHA256 (32 bytes, about 43 base64url characters).
        var (payload, mac) = (genuine[..^43], genuine[^43..]);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["a used link"] = used,
            ["the MAC changed"] = payload + (mac[0] == 'A' ? 'B' : 'A') + mac[1..],
            ["another link's MAC"] = payload + other[^43..],
            ["the MAC dropped"] = payload,
            ["the MAC doubled"] = genuine + mac,
            ["base64 padding added"] = payload + "==" + mac,
            ["empty"] = string.Empty,
            ["dots only"] = "..",
            ["1 kB parts"] = new string('A', 1024) + "." + new string('A', 1024),
            ["6 kB"] = new string('A', 6000),
            ["invalid UTF-8 (as the replacement character)"] = payload + "\uFFFD" + mac,
        };

        var before = Snapshot();
        var failures = new List<string>();
        foreach (var (name, token) in tokens)
        {
            using var client = _app.Client(new CookieContainer());
            using var confirm = await client.GetAsync(new Uri("/dasbor/masuk?t=" + Uri.EscapeDataString(token), UriKind.Relative), TestContext.Token);
            using var redeem = await RedeemAsync(client, token);
            foreach (var (step, response) in new[] { ("GET", confirm), ("POST", redeem) })
            {
                var body = await response.Content.ReadAsStringAsync(TestContext.Token);
                if (response.StatusCode != HttpStatusCode.Forbidden || response.Headers.Contains("Set-Cookie") || !body.Contains("meminta tautan baru", StringComparison.Ordinal))
                {
                    failures.Add($"{name} ({step}): {(int)response.StatusCode} {Shorten(body)}");
                }
            }
        }

        // A NUL in the token: the link page says the link is invalid; the form reader cannot decode %00 at all (400).
        using (var nul = await _app.Client().GetAsync(new Uri("/dasbor/masuk?t=" + Uri.EscapeDataString(payload + "\0" + mac), UriKind.Relative), TestContext.Token))
        using (var nulPost = await RedeemAsync(_app.Client(new CookieContainer()), payload + "\0" + mac))
        {
            Assert.Equal(HttpStatusCode.Forbidden, nul.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, nulPost.StatusCode);
            Assert.Contains("tidak bisa dibaca", await nulPost.Content.ReadAsStringAsync(TestContext.Token), StringComparison.Ordinal);
            Assert.False(nulPost.Headers.Contains("Set-Cookie"));
        }

        // Raw query strings a browser would not build: invalid UTF-8, NUL, the parameter twice, a 10 kB token.
        foreach (var (query, expected) in new[]
        {
            ("t=%FF%FE", HttpStatusCode.Forbidden),
            ("t=%00", HttpStatusCode.Forbidden),
            ("t=x&t=" + Uri.EscapeDataString(genuine), HttpStatusCode.Forbidden),
            ("t", HttpStatusCode.Forbidden),
            (string.Empty, HttpStatusCode.Forbidden),
            ("t=" + new string('A', 10_000), HttpStatusCode.RequestUriTooLong),
        })
        {
            using var client = _app.Client();
            using var response = await client.GetAsync(new Uri("/dasbor/masuk?" + query, UriKind.Relative), TestContext.Token);
            if (response.StatusCode != expected)
            {
                failures.Add($"GET ?{Shorten(query)}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // POSTs that do not come from the confirmation page: refused, and the genuine link they carried is not used up.
        foreach (var (name, request) in ForeignPosts("/dasbor/masuk", ("t", genuine)))
        {
            using (request)
            {
                using var client = _app.Client(new CookieContainer());
                using var response = await client.SendAsync(request, TestContext.Token);
                if ((int)response.StatusCode is < 400 or >= 500 || response.Headers.Contains("Set-Cookie"))
                {
                    failures.Add($"{name}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        before.AssertUnchanged(Snapshot(), "refused links changed the store");

        // Every refusal above left the genuine link alone: it still signs in, once.
        Assert.Equal(HttpStatusCode.Redirect, (await RedeemAsync(_app.Client(new CookieContainer()), genuine)).StatusCode);

        _app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        using (var late = await RedeemAsync(_app.Client(new CookieContainer()), expired))
        {
            Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
            Assert.Contains("kedaluwarsa", await late.Content.ReadAsStringAsync(TestContext.Token), StringComparison.Ordinal);
        }

        await AssertTheDashboardStillWorksAsync();
    }

    [Fact]
    public async Task HostileFiltersIdsAndPathsGetTheDefaultPageOrA404()
    {
        var (secret, _) = await SignInAsync();
        using var client = ClientWith(secret);
        var failures = new List<string>();
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in FilteredPages())
        {
            defaults[page] = await client.GetStringAsync(new Uri(page, UriKind.Relative), TestContext.Token);
        }

        var before = Snapshot();
        foreach (var query in new[]
        {
            "tahun=abc", "tahun=99999999999999999999", "tahun=-5", "tahun=1999", "tahun=%00", "tahun=2027%00", "tahun=%FF%FE",
            "periode=B99", "periode=%FF", "periode=0", "periode=b6,b12", "program=" + new string('p', 6000), "program=%00%FF", "program=999",
            "tahun=2027&tahun=2026", "tahun=+2027", "tahun= 2027",
            "tahun[]=2027", "%FF=%FF", // not filter parameters at all: ignored without a notice
        })
        {
            foreach (var page in FilteredPages())
            {
                using var response = await client.GetAsync(new Uri(page + "?" + query, UriKind.Relative), TestContext.Token);
                var body = await response.Content.ReadAsStringAsync(TestContext.Token);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{page}?{Shorten(query)}: {(int)response.StatusCode} {Shorten(body)}");
                }
                else if ((page.EndsWith(".csv", StringComparison.Ordinal) || page.EndsWith("cetak", StringComparison.Ordinal)) && body != defaults[page])
                {
                    failures.Add($"{page}?{Shorten(query)}: not the default");
                }
                else if ((page == "/dasbor" || page.Contains("/opd/", StringComparison.Ordinal)) && query is not ("%FF=%FF" or "tahun[]=2027")
                    && !body.Contains("Filter tidak dikenal diabaikan", StringComparison.Ordinal))
                {
                    failures.Add($"{page}?{Shorten(query)}: no notice that the filter was ignored");
                }
            }
        }

        var notFound = new[]
        {
            "/dasbor/opd/999999", "/dasbor/opd/0", "/dasbor/opd/-1", "/dasbor/opd/abc", "/dasbor/opd/99999999999999999999",
            "/dasbor/berkas", "/dasbor/berkas?id=", "/dasbor/berkas?id=..%2F..%2F..%2Fetc%2Fpasswd", "/dasbor/berkas?id=..%2Fsinergi.db",
            "/dasbor/berkas?id=%00", "/dasbor/berkas?id=%FF%FE", "/dasbor/berkas?id=" + new string('e', 6000),
            "/dasbor/berkas?id=evidence%2F..%2F" + Uri.EscapeDataString(_seed.PhotoFileId), "/dasbor/berkas?id=x&id=" + Uri.EscapeDataString(_seed.PhotoFileId),
            "/dasbor/laporan-warga/LW-0000-0000", "/dasbor/laporan-warga/" + new string('L', 6000),
            "/dasbor/laporan-warga/%FF%FE", "/dasbor/laporan-warga/..%2F..%2Fdasbor", "/dasbor/..%2F..%2Fappsettings.json",
            "/dasbor/..%2Fsinergi.db", "/dasbor/" + new string('a', 6000) + ".css",
        };

        // Kestrel itself refuses a NUL anywhere in the path, before routing.
        var badRequest = new[] { "/dasbor/opd/1%00", "/dasbor/laporan-warga/%00", "/dasbor/dasbor.css%00.js" };
        foreach (var (path, expected) in notFound.Select(p => (p, HttpStatusCode.NotFound)).Concat(badRequest.Select(p => (p, HttpStatusCode.BadRequest))))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Token);
            if (response.StatusCode != expected)
            {
                failures.Add($"{Shorten(path)}: {(int)response.StatusCode}, expected {(int)expected}");
            }
        }

        foreach (var status in new[] { "zzz", "99", "%00", "%FF", "Baru,Selesai" })
        {
            using var response = await client.GetAsync(new Uri("/dasbor/laporan-warga?status=" + status, UriKind.Relative), TestContext.Token);
            var body = await response.Content.ReadAsStringAsync(TestContext.Token);
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains(_code, StringComparison.Ordinal))
            {
                failures.Add($"laporan-warga?status={status}: {(int)response.StatusCode}, the unfiltered list expected");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        before.AssertUnchanged(Snapshot(), "reading pages changed the store");
        await AssertTheDashboardStillWorksAsync();
    }

    [Fact]
    public async Task HostileTipStatusFormsAreRefusedAndTheTipIsUntouched()
    {
        var (secret, formToken) = await SignInAsync();
        using var client = ClientWith(secret);
        var path = $"/dasbor/laporan-warga/{_code}/status";
        var before = Snapshot();
        var failures = new List<string>();

        // A genuine form token, but a status the form never offers: 400 with the reason.
        // (A NUL is refused one step earlier: the form reader cannot decode %00.)
        var unknown = "Status tidak dikenal";
        foreach (var (status, reason) in new[]
        {
            ("zzz", unknown), ("99", unknown), ("1", unknown), (string.Empty, unknown), ("Baru,Selesai", unknown), (" Selesai", unknown), ("selesai", unknown),
            ("Selesai\uFFFD", unknown), (new string('S', 10_000), unknown), ("Selesai\0", "tidak bisa dibaca"),
        })
        {
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), Form(("ft", formToken), ("status", status)), TestContext.Token);
            var body = await response.Content.ReadAsStringAsync(TestContext.Token);
            if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains(reason, StringComparison.Ordinal))
            {
                failures.Add($"status={Shorten(status)}: {(int)response.StatusCode} {Shorten(body)}");
            }
        }

        using (var missing = await client.PostAsync(new Uri(path, UriKind.Relative), Form(("ft", formToken)), TestContext.Token))
        using (var nulNote = await client.PostAsync(new Uri(path, UriKind.Relative), Form(("ft", formToken), ("status", nameof(TipStatus.Selesai)), ("catatan", "a\0b")), TestContext.Token))
        {
            if (missing.StatusCode != HttpStatusCode.BadRequest || nulNote.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"no status: {(int)missing.StatusCode}; a NUL in the note: {(int)nulNote.StatusCode}");
            }
        }

        // A known status for a tip that does not exist.
        foreach (var (code, expected) in new[] { ("LW-0000-0000", HttpStatusCode.NotFound), ("..%2F" + _code, HttpStatusCode.NotFound), ("%00", HttpStatusCode.BadRequest) })
        {
            using var response = await client.PostAsync(new Uri($"/dasbor/laporan-warga/{code}/status", UriKind.Relative), Form(("ft", formToken), ("status", nameof(TipStatus.Selesai))), TestContext.Token);
            if (response.StatusCode != expected)
            {
                failures.Add($"unknown tip {code}: {(int)response.StatusCode}");
            }
        }

        // Forms that do not come from a dashboard page, or are far larger than one: refused before they are used.
        foreach (var target in new[] { path, "/dasbor/keluar" })
        {
            foreach (var (name, request) in ForeignPosts(target, ("ft", formToken), ("status", nameof(TipStatus.Ditolak))))
            {
                using (request)
                {
                    using var response = await client.SendAsync(request, TestContext.Token);
                    var expected = name.Contains(TooLarge, StringComparison.Ordinal) ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.Forbidden;
                    if (response.StatusCode != expected)
                    {
                        failures.Add($"{target}, {name}: {(int)response.StatusCode}, expected {(int)expected}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        before.AssertUnchanged(Snapshot(), "refused forms changed the store");
        var tip = TipNow();
        Assert.Equal(TipStatus.Baru, tip.Status);
        Assert.Equal(_history, tip.History.Count);

        // The session survived all of it: the real form still works, and a long note with odd characters is cut, not refused.
        var note = "catatan\u0001\uFFFD" + new string('n', 10_000);
        using (var genuine = await client.PostAsync(new Uri(path, UriKind.Relative), Form(("ft", formToken), ("status", nameof(TipStatus.Diproses)), ("catatan", note)), TestContext.Token))
        {
            Assert.Equal(HttpStatusCode.Redirect, genuine.StatusCode);
        }

        tip = TipNow();
        Assert.Equal(TipStatus.Diproses, tip.Status);
        Assert.Equal(500, tip.History[^1].Note?.Length);
        await AssertTheDashboardStillWorksAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    /// <summary>Every dashboard route, with the methods it answers.</summary>
    private List<(HttpMethod Method, string Path)> Routes() =>
    [
        (HttpMethod.Get, "/dasbor"), (HttpMethod.Get, "/dasbor/"), (HttpMethod.Get, "/dasbor?tahun=2027"), (HttpMethod.Get, $"/dasbor/opd/{_seed.Dinkes.Id}"),
        (HttpMethod.Get, "/dasbor/cetak"), (HttpMethod.Get, "/dasbor/ekspor.csv"), (HttpMethod.Get, "/dasbor/ekspor.xlsx"),
        (HttpMethod.Get, "/dasbor/berkas?id=" + Uri.EscapeDataString(_seed.PhotoFileId)), (HttpMethod.Get, "/dasbor/berkas?id=" + Uri.EscapeDataString(_seed.PdfFileId)),
        (HttpMethod.Get, "/dasbor/laporan-warga"), (HttpMethod.Get, "/dasbor/laporan-warga/" + _code),
        (HttpMethod.Get, "/dasbor/dasbor.css"), (HttpMethod.Get, "/dasbor/dasbor.js"), (HttpMethod.Get, "/dasbor/tidak-ada"),
        (HttpMethod.Post, $"/dasbor/laporan-warga/{_code}/status"), (HttpMethod.Post, "/dasbor/keluar"),
    ];

    private string[] FilteredPages() => ["/dasbor", "/dasbor/cetak", $"/dasbor/opd/{_seed.Dinkes.Id}", "/dasbor/ekspor.csv", "/dasbor/ekspor.xlsx"];

    /// <summary>
    /// POSTs of the given fields that a dashboard page would never send: from another origin, not a form, or
    /// 10 MB (with a length, chunked, and as a multipart upload).
    /// </summary>
    private static IEnumerable<(string Name, HttpRequestMessage Request)> ForeignPosts(string path, params (string Name, string Value)[] fields)
    {
        HttpRequestMessage Post(HttpContent content, string? origin = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            if (origin is not null)
            {
                request.Headers.TryAddWithoutValidation("Origin", origin);
            }

            return request;
        }

        var huge = new string('x', 10 * 1024 * 1024);
        yield return ("another origin", Post(Form(fields), "http://evil.example"));
        yield return ("origin null", Post(Form(fields), "null"));
        yield return ("JSON instead of a form", Post(new StringContent("{" + string.Join(',', fields.Select(f => $"\"{f.Name}\":\"{f.Value}\"")) + "}", Encoding.UTF8, "application/json")));
        yield return ("text/plain", Post(new StringContent(string.Join('&', fields.Select(f => f.Name + "=" + f.Value)), Encoding.UTF8, "text/plain")));
        yield return ("no body", Post(new ByteArrayContent([])));
        yield return (TooLarge + "a 10 MB field", Post(Form([.. fields, ("pad", huge)])));
        yield return (TooLarge + "a 10 MB field, chunked", Post(Chunked(Form([.. fields, ("pad", huge)]))));
        yield return (TooLarge + "a 10 MB multipart file", Post(Multipart(fields, huge)));
        yield return (TooLarge + "100000 fields", Post(new StringContent(string.Join('&', Enumerable.Range(0, 100_000).Select(i => "f" + i + "=1").Concat(fields.Select(f => f.Name + "=" + Uri.EscapeDataString(f.Value)))), Encoding.ASCII, "application/x-www-form-urlencoded")));
        yield return ("raw invalid UTF-8 and NUL in the form", Post(RawForm(fields)));
    }

    private async Task<(string Secret, string FormToken)> SignInAsync()
    {
        var cookies = new CookieContainer();
        using var client = _app.Client(cookies);
        using var redirect = await DashboardSignInTests.PostTokenAsync(client, _app.LinkFor(_seed.Coordinator));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var page = await client.GetStringAsync(new Uri("/dasbor", UriKind.Relative), TestContext.Token);
        return (cookies.GetCookies(new Uri(_app.BaseAddress, "/dasbor"))[DashboardSignInTests.DashboardCookieName]!.Value, DashboardSignInTests.FormToken(page));
    }

    /// <summary>A fresh sign-in opens the overview, and a page of every kind still renders.</summary>
    private async Task AssertTheDashboardStillWorksAsync()
    {
        var (secret, _) = await SignInAsync();
        using var client = ClientWith(secret);
        foreach (var (method, path) in Routes().Where(r => r.Method == HttpMethod.Get && !r.Path.EndsWith("tidak-ada", StringComparison.Ordinal)))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode}");
        }

        Assert.Contains("Dinas Kesehatan", await client.GetStringAsync(new Uri("/dasbor", UriKind.Relative), TestContext.Token), StringComparison.Ordinal);
    }

    private HttpClient ClientWith(string secret)
    {
        var cookies = new CookieContainer();
        cookies.Add(new Uri(_app.BaseAddress, "/dasbor"), new Cookie(DashboardSignInTests.DashboardCookieName, secret, "/dasbor"));
        return _app.Client(cookies);
    }

    private static Task<HttpResponseMessage> RedeemAsync(HttpClient client, string token) =>
        client.PostAsync(new Uri("/dasbor/masuk", UriKind.Relative), Form(("t", token)), TestContext.Token);

    private Tip TipNow() => _app.Get<TipService>().Find(_code)!;

    /// <summary>
    /// Every collection but the reminder machinery's: Quartz runs the sweep and the daily escalation pass on the
    /// wall clock against the seeded commitments, so they may write at any moment; nothing here touches them.
    /// </summary>
    private StoreSnapshot Snapshot() => StoreSnapshot.Of(_app.Get<SinergiDatabase>()).Without("reminder_", "nudges");

    private static string Token(Uri link) => Uri.UnescapeDataString(link.Query["?t=".Length..]);

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static StreamContent Chunked(HttpContent content)
    {
        var chunked = new StreamContent(new UnseekableStream(content.ReadAsByteArrayAsync().GetAwaiter().GetResult()));
        chunked.Headers.ContentType = content.Headers.ContentType;
        content.Dispose();
        return chunked;
    }

    private static MultipartFormDataContent Multipart((string Name, string Value)[] fields, string file)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(Encoding.ASCII.GetBytes(file)), "berkas", "besar.bin");
        return content;
    }

    /// <summary>The fields as raw bytes, not percent-encoded, each value followed by 0xFF 0xFE and a NUL.</summary>
    private static ByteArrayContent RawForm((string Name, string Value)[] fields)
    {
        var bytes = fields.SelectMany((f, i) => (byte[])[.. (i > 0 ? "&"u8.ToArray() : []), .. Encoding.ASCII.GetBytes(f.Name + "=" + f.Value), 0xFF, 0xFE, 0x00]).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
