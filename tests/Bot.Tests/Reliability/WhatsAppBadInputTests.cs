using System.Globalization;
using System.Net;
using System.Text;
using Bot.Host.Channels.WhatsApp;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Host.WhatsApp;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Reliability;

/// <summary>
/// The bad-input corpus against the WhatsApp webhook of the real host (Program on Kestrel, the stub Graph server
/// behind it). Every hostile body is signed with the app secret, so it gets past the signature to the parser.
/// Meta retries any non-2xx for days, so the webhook refuses only what is not a notification at all (400, 413)
/// and acknowledges a signed notification whose pieces it cannot use (200, ignored or answered "I cannot read
/// that"); never a 5xx, and no inbox row that the worker then fails on.
/// </summary>
public sealed class WhatsAppBadInputTests : IAsyncLifetime, IDisposable
{
    private const string Hostile = "6280000000666";
    private const string Placeholder = "wamid.HOSTILE00";
    private const string Challenge = "challenge-7319";

    /// <summary>
    /// What the webhook owes each corpus case. 400: not JSON, not an object, or deeper than the parser allows.
    /// 413: over WhatsApp:MaxBodyBytes. 200: a JSON notification (odd fields are ignored, the message is queued
    /// and the worker copes). Every corpus case needs a line here, so a new case forces a decision.
    /// </summary>
    private static readonly Dictionary<string, HttpStatusCode> Expected = new(StringComparer.Ordinal)
    {
        ["truncated after the first byte"] = HttpStatusCode.BadRequest,
        ["truncated at a quarter"] = HttpStatusCode.BadRequest,
        ["truncated inside the text"] = HttpStatusCode.BadRequest,
        ["truncated before the last brace"] = HttpStatusCode.BadRequest,
        ["two objects back to back"] = HttpStatusCode.BadRequest,
        ["trailing garbage"] = HttpStatusCode.BadRequest,
        ["a 10 MB text"] = HttpStatusCode.RequestEntityTooLarge,
        ["a 10 MB text, chunked"] = HttpStatusCode.RequestEntityTooLarge,
        ["a 10 MB array of numbers"] = HttpStatusCode.RequestEntityTooLarge,
        ["nested 64 objects deep"] = HttpStatusCode.BadRequest,
        ["nested 100000 arrays, unclosed"] = HttpStatusCode.BadRequest,
        ["nested 100000 arrays as the whole body"] = HttpStatusCode.BadRequest,
        ["text is a number"] = HttpStatusCode.OK,
        ["text is an object"] = HttpStatusCode.OK,
        ["text is an array"] = HttpStatusCode.OK,
        ["body is an array"] = HttpStatusCode.BadRequest,
        ["body is a string"] = HttpStatusCode.BadRequest,
        ["body is null"] = HttpStatusCode.BadRequest,
        ["body is true"] = HttpStatusCode.BadRequest,
        ["empty body"] = HttpStatusCode.BadRequest,
        ["whitespace only"] = HttpStatusCode.BadRequest,
        ["invalid UTF-8 in the text"] = HttpStatusCode.BadRequest,
        ["overlong UTF-8 encoding"] = HttpStatusCode.BadRequest,
        ["UTF-16 body"] = HttpStatusCode.BadRequest,
        ["a NUL byte outside strings"] = HttpStatusCode.BadRequest,
        ["raw control characters in the text"] = HttpStatusCode.BadRequest,
        ["binary garbage"] = HttpStatusCode.BadRequest,
        ["a lone surrogate escaped in the text"] = HttpStatusCode.OK,
        ["duplicate property names"] = HttpStatusCode.OK,
        ["unknown properties"] = HttpStatusCode.OK,
        ["a form content type"] = HttpStatusCode.OK,
    };

    private readonly TempDirectory _data = new();
    private StubGraphServer _graph = null!;
    private KestrelHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _graph = await StubGraphServer.StartAsync();
        _host = new KestrelHost(_data.Path, new Dictionary<string, string?>
        {
            ["WhatsApp:Enabled"] = "true",
            ["WhatsApp:VerifyToken"] = Webhook.VerifyToken,
            ["WhatsApp:AppSecret"] = Webhook.AppSecret,
            ["WhatsApp:AccessToken"] = StubGraphServer.Token,
            ["WhatsApp:PhoneNumberId"] = Webhook.PhoneNumberId,
            ["WhatsApp:GraphBaseUrl"] = _graph.BaseUrl.ToString(),
            ["WhatsApp:ReorderWindow"] = "00:00:00",
            ["WhatsApp:MinSendInterval"] = "00:00:00",
            ["WhatsApp:RetryBaseDelay"] = "00:00:00.020",
        });
        _http = _host.CreateNetworkClient();
        _http.Timeout = TimeSpan.FromMinutes(2);
    }

    [Fact]
    public async Task EverySignedCorpusBodyGetsItsAnswerAndTheStoreStaysIntact()
    {
        await ConverseAsync("6280000000001", "wamid.before");
        var before = Snapshot();
        var corpus = BadInputCorpus.For(Encoding.UTF8.GetString(Webhook.Envelope([Webhook.Text(Placeholder, "bantuan", Now(), Hostile)])), "body");
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), corpus.Select(c => c.Name).Order(StringComparer.Ordinal));

        // The refusals first, on their own: they must leave every collection as it was.
        var failures = new List<string>();
        var numbered = corpus.Select((input, i) => (Input: input, Wamid: "wamid.HOSTILE" + i.ToString("00", CultureInfo.InvariantCulture))).ToList();
        foreach (var (input, wamid) in numbered.Where(c => Expected[c.Input.Name] != HttpStatusCode.OK))
        {
            await PostCorpusCaseAsync(input, wamid, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        before.AssertUnchanged(Snapshot(), "refused bodies changed the store");

        // Then the acknowledged ones: each queued once, and run through the worker without failing it.
        var accepted = numbered.Where(c => Expected[c.Input.Name] == HttpStatusCode.OK).ToList();
        foreach (var (input, wamid) in accepted)
        {
            await PostCorpusCaseAsync(input, wamid, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var rows = await SettledAsync([.. accepted.Select(c => c.Wamid)]);
        Assert.All(rows, r => Assert.True(r.State == InboxState.Done, $"{r.Id} ended {r.State} after {r.Attempts} attempts"));
        Assert.Equal(before["whatsapp_inbox"] + accepted.Count, Snapshot()["whatsapp_inbox"]);

        await ConverseAsync("6280000000002", "wamid.after");
        await AssertTheFileReopensAsync();
    }

    [Fact]
    public async Task SignedNotificationsWithOddPiecesAreAcknowledgedAndNeverFailTheWorker()
    {
        await ConverseAsync("6280000000001", "wamid.before");
        var inboxBefore = Snapshot()["whatsapp_inbox"];
        var failures = new List<string>();
        var queued = new List<string>();
        foreach (var (name, body, expected, wamids) in OddNotifications())
        {
            using var response = await PostSignedAsync(Encoding.UTF8.GetBytes(body));
            if (response.StatusCode != expected)
            {
                failures.Add($"{name}: expected {(int)expected}, got {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync(TestContext.Token))}");
            }

            queued.AddRange(wamids);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var rows = await SettledAsync(queued);
        Assert.All(rows, r => Assert.True(r.State == InboxState.Done, $"{r.Id} ended {r.State} after {r.Attempts} attempts"));
        Assert.Equal(inboxBefore + queued.Count, Snapshot()["whatsapp_inbox"]);

        // A type the bot cannot read gets a clear answer, not silence.
        var unknown = _graph.Accepted.Where(s => s["to"]?.GetValue<string>() == User(0)).Select(s => s["text"]?["body"]?.GetValue<string>()).ToList();
        Assert.Contains(unknown, t => t is not null && t.Contains("baru bisa membaca", StringComparison.Ordinal));

        await ConverseAsync("6280000000002", "wamid.after");
        await AssertTheFileReopensAsync();
    }

    [Fact]
    public async Task AReplayedWamidRunsOnceWhetherRepeatedInOnePostOrPostedAgain()
    {
        var user = "6280000000333";
        var message = Message("wamid.replay", user, "text", "\"text\":{\"body\":\"bantuan\"}");
        var body = Encoding.UTF8.GetBytes(Notification($"[{message},{message}]"));

        using (var first = await PostSignedAsync(body))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await SettledAsync(["wamid.replay"]);
        var once = SentTo(user);
        Assert.True(once > 0);
        for (var i = 0; i < 3; i++)
        {
            using var again = await PostSignedAsync(body);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        // A different message afterwards is answered the same way; the replays added nothing before it.
        using (var next = await PostSignedAsync(Encoding.UTF8.GetBytes(Notification($"[{Message("wamid.replay.next", user, "text", "\"text\":{\"body\":\"bantuan\"}")}]"))))
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        await SettledAsync(["wamid.replay", "wamid.replay.next"]);
        Assert.Equal(2 * once, SentTo(user));
        Assert.Single(Inbox().Find(r => r.Id == "wamid.replay"));
    }

    [Fact]
    public async Task ForgedMissingOrMismatchedSignaturesAreRefusedBeforeParsing()
    {
        await ConverseAsync("6280000000001", "wamid.before");
        var before = Snapshot();
        var body = Webhook.Envelope([Webhook.Text("wamid.forged", "bantuan", Now(), Hostile)]);
        var other = Webhook.Envelope([Webhook.Text("wamid.other", "bantuan", Now(), Hostile)]);
        var signature = Webhook.Sign(body);
        var cases = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["missing"] = null,
            ["empty"] = string.Empty,
            ["the signature of another body"] = Webhook.Sign(other),
            ["another secret"] = Webhook.Sign(body, "not-the-app-secret"),
            ["one hex digit changed"] = signature[..^1] + (signature[^1] == '0' ? '1' : '0'),
            ["no prefix"] = signature["sha256=".Length..],
            ["sha1 prefix"] = "sha1=" + signature["sha256=".Length..],
            ["truncated"] = signature[..^2],
            ["not hex"] = "sha256=" + new string('z', 64),
            ["10 kB long"] = "sha256=" + new string('a', 10_000),
            ["two signatures"] = signature + "," + signature,
        };

        var failures = new List<string>();
        foreach (var (name, header) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppEndpoints.Route) { Content = new ByteArrayContent(body) };
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, header);
            }

            using var response = await _http.SendAsync(request, TestContext.Token);
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{name}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        // Garbage signed with a wrong secret is refused for its signature, not for its shape.
        using (var garbage = new HttpRequestMessage(HttpMethod.Post, WhatsAppEndpoints.Route) { Content = new ByteArrayContent([0xFF, 0x00, 0x7B]) })
        {
            garbage.Headers.Add(WebhookSignature.HeaderName, Webhook.Sign([0xFF, 0x00, 0x7B], "not-the-app-secret"));
            using var response = await _http.SendAsync(garbage, TestContext.Token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // A header that is not ASCII never reaches the endpoint: Kestrel refuses the request itself.
        using (var utf8Headers = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 }) { BaseAddress = _host.BaseAddress })
        using (var nonAscii = new HttpRequestMessage(HttpMethod.Post, WhatsAppEndpoints.Route) { Content = new ByteArrayContent(body) })
        {
            nonAscii.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, "sha256=" + new string('é', 64));
            using var response = await utf8Headers.SendAsync(nonAscii, TestContext.Token);
            Assert.InRange((int)response.StatusCode, 400, 401);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Null(Inbox().FindById("wamid.forged"));
        before.AssertUnchanged(Snapshot(), "refused signatures changed the store");
        await ConverseAsync("6280000000002", "wamid.after");
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=" + Challenge)]
    [InlineData("hub.mode=subscribe&hub.challenge=" + Challenge)]
    [InlineData("hub.mode=subscribe&hub.verify_token=&hub.challenge=" + Challenge)]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=" + Webhook.VerifyToken + "&hub.challenge=" + Challenge)]
    [InlineData("hub.mode=subscribe&hub.verify_token=" + Webhook.VerifyToken)]
    [InlineData("hub.mode=subscribe&hub.verify_token=" + Webhook.VerifyToken + "x&hub.challenge=" + Challenge)]
    [InlineData("hub.mode=subscribe&hub.verify_token=%FF%FE%00&hub.challenge=" + Challenge)]
    [InlineData("hub.mode=subscribe&hub.verify_token=a&hub.verify_token=" + Webhook.VerifyToken + "&hub.challenge=" + Challenge)]
    [InlineData("hub.mode=subscribe&hub.verify_token=%E2%80%AEtest-verify-token&hub.challenge=" + Challenge)]
    [InlineData("")]
    public async Task TheHandshakeRefusesAWrongOrMissingVerifyToken(string query)
    {
        using var response = await _http.GetAsync(WhatsAppEndpoints.Route + "?" + query, TestContext.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(Challenge, await response.Content.ReadAsStringAsync(TestContext.Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6_000, HttpStatusCode.Forbidden)]
    [InlineData(10_000, HttpStatusCode.RequestUriTooLong)] // Kestrel's 8 kB request line limit answers first
    public async Task TheHandshakeRefusesAHugeToken(int length, HttpStatusCode expected)
    {
        using var response = await _http.GetAsync(WhatsAppEndpoints.Route + "?hub.mode=subscribe&hub.challenge=" + Challenge + "&hub.verify_token=" + new string('t', length), TestContext.Token);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain(Challenge, await response.Content.ReadAsStringAsync(TestContext.Token), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
    }

    public void Dispose() => _data.Dispose();

    /// <summary>
    /// Signed notifications that parse but carry pieces the channel cannot use. Each says what the webhook answers
    /// and which wamids it queues (a message without a usable id, sender, type or time is skipped, not queued).
    /// </summary>
    private static IEnumerable<(string Name, string Body, HttpStatusCode Expected, string[] Queued)> OddNotifications()
    {
        var ok = HttpStatusCode.OK;
        string Text(string body) => "\"text\":{\"body\":" + body + "}";
        (string, string, HttpStatusCode, string[]) One(string name, int user, string type, string content, string? id = null, string? timestamp = null, bool queued = true)
        {
            var wamid = id ?? "wamid.odd." + user;
            return (name, Notification("[" + Message(wamid, User(user), type, content, timestamp) + "]"), ok, queued ? [wamid] : []);
        }

        yield return One("an unknown message type", 0, "x-made-up", "\"x-made-up\":{\"a\":1}");
        yield return One("Meta's unsupported type", 1, "unsupported", "\"errors\":[{\"code\":131051,\"title\":\"Message type unknown\"}]");
        yield return One("a text without its text object", 2, "text", "\"zzz\":1");
        yield return One("a text whose body is a number", 3, "text", Text("12"));
        yield return One("a lone surrogate in the text", 4, "text", Text("\"\\ud800 x\""));
        yield return One("NUL and control escapes in the text", 5, "text", Text("\"a\\u0000b\\u0001\""));
        yield return One("a 1 MB text", 6, "text", Text("\"" + new string('k', 1024 * 1024) + "\""));
        yield return One("interactive that is a string", 7, "interactive", "\"interactive\":\"x\"");
        yield return One("interactive of an unknown kind", 8, "interactive", "\"interactive\":{\"type\":\"nfm_reply\",\"nfm_reply\":{}}");
        yield return One("a button without a payload", 9, "button", "\"button\":{}");
        yield return One("an image without a media id", 10, "image", "\"image\":{\"caption\":\"x\"}");
        yield return One("a location with text coordinates", 11, "location", "\"location\":{\"latitude\":\"abc\",\"longitude\":1e400}");
        yield return One("a 10 kB type name", 12, new string('t', 10_000), string.Empty);
        yield return One("unknown fields in the message", 13, "text", Text("\"halo\"") + ",\"zzz\":{\"a\":[1,{\"b\":null}]},\"context\":{\"id\":5}");
        yield return One("a timestamp far in the future", 14, "text", Text("\"halo\""), timestamp: "\"253402300799\"");
        yield return One("a timestamp that is not a number", 15, "text", Text("\"halo\""), timestamp: "\"abc\"", queued: false);
        yield return One("a negative timestamp", 16, "text", Text("\"halo\""), timestamp: "\"-1\"", queued: false);
        yield return One("a timestamp of 1e30", 17, "text", Text("\"halo\""), timestamp: "1e30", queued: false);
        yield return One("a lone surrogate in the wamid", 18, "text", Text("\"halo\""), id: "\\ud800", queued: false);
        yield return One("a 10 kB wamid", 19, "text", Text("\"halo\""), id: new string('w', 10_000), queued: false);
        yield return One("an empty wamid", 20, "text", Text("\"halo\""), id: string.Empty, queued: false);
        yield return ("a lone surrogate as the sender", Notification("[" + Message("wamid.odd.from1", "\\udc00", "text", Text("\"halo\"")) + "]"), ok, []);
        yield return ("a 10 kB sender", Notification("[" + Message("wamid.odd.from2", new string('6', 10_000), "text", Text("\"halo\"")) + "]"), ok, []);
        yield return ("a sender of 200 three-byte characters", Notification("[" + Message("wamid.odd.from4", new string('ह', 200), "text", Text("\"halo\"")) + "]"), ok, []);
        yield return ("a sender that is a number", Notification("[{\"from\":628,\"id\":\"wamid.odd.from3\",\"timestamp\":\"1\",\"type\":\"text\"}]"), ok, []);
        yield return ("messages that are not objects", Notification("[1,\"x\",null,[]]"), ok, []);
        yield return ("another business number", Notification("[" + Message("wamid.odd.other", User(21), "text", Text("\"halo\"")) + "]", metadata: "{\"phone_number_id\":\"999\"}"), ok, []);
        yield return ("no metadata", Notification("[" + Message("wamid.odd.nometa", User(22), "text", Text("\"halo\"")) + "]", metadata: "null"), ok, []);
        yield return ("a lone surrogate in the profile name", Notification("[" + Message("wamid.odd.name", User(23), "text", Text("\"halo\"")) + "]", contacts: "[{\"profile\":{\"name\":\"\\ud800\"},\"wa_id\":\"" + User(23) + "\"}]"), ok, ["wamid.odd.name"]);
        yield return ("contacts of the wrong kinds", Notification("[" + Message("wamid.odd.contacts", User(24), "text", Text("\"halo\"")) + "]", contacts: "[{\"profile\":\"x\",\"wa_id\":5},1]"), ok, ["wamid.odd.contacts"]);
        yield return ("a value that is an array", "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":[]}]}]}", ok, []);
        yield return ("another object kind", "{\"object\":\"page\",\"entry\":[{\"changes\":[]}]}", ok, []);
        yield return ("an unknown change field", "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"account_update\",\"value\":{\"x\":1}}]}]}", ok, []);

        // Statuses: our messages' receipts. Garbage in one is dropped (or kept as an unknown status), never a failure.
        string Status(string fields) => Notification("[]", statuses: "[{" + fields + "}]");
        yield return ("a status for a wamid we never sent", Status("\"id\":\"wamid.nobody\",\"status\":\"delivered\",\"timestamp\":\"1\""), ok, []);
        yield return ("an unknown status value", Status("\"id\":\"wamid.nobody\",\"status\":\"exploded\",\"timestamp\":\"2\""), ok, []);
        yield return ("a status whose errors is a string", Status("\"id\":\"wamid.nobody\",\"status\":\"failed\",\"timestamp\":\"3\",\"errors\":\"x\""), ok, []);
        yield return ("a status error with a huge code", Status("\"id\":\"wamid.nobody\",\"status\":\"failed\",\"timestamp\":\"4\",\"errors\":[{\"code\":1e40,\"title\":5}]"), ok, []);
        yield return ("a status without a timestamp", Status("\"id\":\"wamid.nobody\",\"status\":\"read\""), ok, []);
        yield return ("a status with a lone surrogate id", Status("\"id\":\"\\ud800\",\"status\":\"read\",\"timestamp\":\"5\""), ok, []);
        yield return ("a status with a 10 kB id", Status("\"id\":\"" + new string('s', 10_000) + "\",\"status\":\"read\",\"timestamp\":\"6\""), ok, []);
        yield return ("a status that is a number", Notification("[]", statuses: "[7]"), ok, []);

        // The envelope itself of the wrong shape is not a notification: 400, so it shows in Meta's dashboard.
        yield return ("entry is a string", "{\"object\":\"whatsapp_business_account\",\"entry\":\"nope\"}", HttpStatusCode.BadRequest, []);
        yield return ("messages is an object", Notification("{\"id\":\"wamid.odd.shape\"}"), HttpStatusCode.BadRequest, []);
    }

    private static string Notification(string messages, string statuses = "[]", string metadata = "{\"phone_number_id\":\"" + Webhook.PhoneNumberId + "\"}", string contacts = "[]") =>
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA-1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\"," +
        "\"metadata\":" + metadata + ",\"contacts\":" + contacts + ",\"messages\":" + messages + ",\"statuses\":" + statuses + "}}]}]}";

    private static string Message(string wamid, string from, string type, string content, string? timestamp = null) =>
        "{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":" + (timestamp ?? "\"" + Now().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "\"") +
        ",\"type\":\"" + type + "\"" + (content.Length > 0 ? "," + content : string.Empty) + "}";

    private static string User(int index) => "62811" + index.ToString("000000", CultureInfo.InvariantCulture);

    private int SentTo(string user) => _graph.Accepted.Count(s => s["to"]?.GetValue<string>() == user);

    /// <summary>Posts one corpus body, signed, under its own wamid, and notes any answer other than the expected one.</summary>
    private async Task PostCorpusCaseAsync(BadInput input, string wamid, List<string> failures)
    {
        var body = WithWamid(input.Body, wamid);
        var expected = Expected[input.Name];
        using var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppEndpoints.Route) { Content = (input with { Body = body }).Content() };
        request.Headers.Add(WebhookSignature.HeaderName, Webhook.Sign(body));
        using var response = await _http.SendAsync(request, TestContext.Token);
        var text = await response.Content.ReadAsStringAsync(TestContext.Token);
        if (response.StatusCode != expected)
        {
            failures.Add($"{input.Name}: expected {(int)expected}, got {(int)response.StatusCode} {Shorten(text)}");
        }
        else if (expected != HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{input.Name}: {(int)response.StatusCode} without a problem body: {Shorten(text)}");
        }
        else if (expected != HttpStatusCode.OK && Inbox().FindById(wamid) is not null)
        {
            failures.Add($"{input.Name}: refused but queued");
        }
    }

    /// <summary>A normal exchange: the user's "bantuan" is answered through Graph and its inbox row is done.</summary>
    private async Task ConverseAsync(string user, string wamid)
    {
        var sent = _graph.Accepted.Count(s => s["to"]?.GetValue<string>() == user);
        using var response = await PostSignedAsync(Webhook.Envelope([Webhook.Text(wamid, "bantuan", Now(), user)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await SettledAsync([wamid]);
        Assert.Equal(InboxState.Done, Assert.Single(rows).State);
        await EventuallyAsync(() => _graph.Accepted.Count(s => s["to"]?.GetValue<string>() == user) > sent);
    }

    private async Task<HttpResponseMessage> PostSignedAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppEndpoints.Route) { Content = new ByteArrayContent(body) };
        request.Headers.Add(WebhookSignature.HeaderName, Webhook.Sign(body));
        return await _http.SendAsync(request, TestContext.Token);
    }

    /// <summary>Waits until none of the rows is pending (a failing row takes three attempts, 15 s of back-off).</summary>
    private async Task<IReadOnlyList<InboxRow>> SettledAsync(List<string> wamids)
    {
        IReadOnlyList<InboxRow> rows = [];
        await EventuallyAsync(() =>
        {
            rows = [.. wamids.Select(id => Inbox().FindById(id)).OfType<InboxRow>()];
            return rows.Count == wamids.Count && rows.All(r => r.State != InboxState.Pending);
        });
        return rows;
    }

    private async Task AssertTheFileReopensAsync()
    {
        var running = Snapshot();
        await _host.DisposeAsync();
        StoreSnapshot.Reopen(_data.Path).AssertUnchanged(running, "the reopened file differs from the running store");
    }

    private LiteDB.ILiteCollection<InboxRow> Inbox() => Database().Collection<InboxRow>("whatsapp_inbox");

    private SinergiDatabase Database() => _host.Services.GetRequiredService<SinergiDatabase>();

    private StoreSnapshot Snapshot() => StoreSnapshot.Of(Database());

    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    /// <summary>Gives each corpus body its own wamid, everywhere it occurs (same length, so byte offsets hold).</summary>
    private static byte[] WithWamid(byte[] body, string wamid)
    {
        var placeholder = Encoding.ASCII.GetBytes(Placeholder);
        var copy = (byte[])body.Clone();
        for (var at = copy.AsSpan().IndexOf(placeholder); at >= 0; at = copy.AsSpan().IndexOf(placeholder))
        {
            Encoding.ASCII.GetBytes(wamid).CopyTo(copy, at);
        }

        return copy;
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 3000; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The expected state was not reached within 60 s.");
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200];
}
