using System.Net;
using System.Text.Json;
using System.Text;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Reliability;

/// <summary>
/// The whole bad-input corpus (<see cref="BadInputCorpus"/>) against the real host over Kestrel, on
/// <c>/api/messages</c> and Direct Line: a 4xx problem for every malformed body, never a 5xx, nothing stored for a
/// refused request, and a normal conversation still works afterwards. Also unknown activity types, replayed
/// activity ids and forged or expired tokens.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private const string Messages = "/api/messages";
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly KestrelHost _host;
    private readonly HttpClient _http;

    public BadInputCorpusTests()
    {
        _host = new KestrelHost(_data.Path, time: _time);
        _http = _host.CreateNetworkClient();
        _http.Timeout = TimeSpan.FromMinutes(2);
    }

    [Fact]
    public async Task BotFrameworkRefusesEveryMalformedBodyAndKeepsWorking()
    {
        var failures = new List<string>();
        var before = Snapshot();
        foreach (var input in BadInputCorpus.For(BotFrameworkBody("refused", "m1", "bantuan")).Where(i => i.MustRefuse))
        {
            using var content = input.Content();
            using var response = await _http.PostAsync(Messages, content, TestContext.Token);
            await ExpectRefusalAsync(input, response, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        before.AssertUnchanged(Snapshot(), "refused bodies changed the store");
        Assert.Null(_host.Services.GetRequiredService<IConversationReferenceStore>().FindByConversation("test", "refused"));
        Assert.Equal(0, _host.Services.GetRequiredService<IConversationStateStore>().Load("test|refused").Version);

        foreach (var input in BadInputCorpus.For(BotFrameworkBody("tolerated", "t1", "bantuan")).Where(i => !i.MustRefuse))
        {
            using var content = input.Content();
            using var response = await _http.PostAsync(Messages, content, TestContext.Token);
            Assert.True((int)response.StatusCode < 500, $"{input.Name}: {(int)response.StatusCode}");
        }

        var replies = await ExpectRepliesAsync(BotFrameworkBody("after", "a1", "bantuan"));
        Assert.NotEmpty(replies);

        // The file behind it all still opens, with what the running host had.
        var running = Snapshot();
        _host.Dispose();
        StoreSnapshot.Reopen(_data.Path).AssertUnchanged(running, "the reopened file differs from the running store");
    }

    [Fact]
    public async Task BotFrameworkIgnoresUnknownTypesAndReplays()
    {
        // Unknown activity types are accepted and ignored, as the protocol asks of bots (A2011): 200, no reply.
        var unknown = await ExpectRepliesAsync(BotFrameworkBody("odd", "u1", "bantuan").Replace("\"type\":\"message\"", "\"type\":\"x-made-up\"", StringComparison.Ordinal));
        Assert.Empty(unknown);

        var first = await ExpectRepliesAsync(BotFrameworkBody("replay", "r1", "bantuan"));
        var replayed = await ExpectRepliesAsync(BotFrameworkBody("replay", "r1", "bantuan"));
        Assert.NotEmpty(first);
        Assert.Empty(replayed);
        Assert.Equal(1, _host.Services.GetRequiredService<IConversationStateStore>().Load("test|replay").Version);
    }

    /// <summary>
    /// LiteDB cannot index a key of 1 KB or more, and the activity id, the conversation id, the sender id and the
    /// channel id all end up in keys. Each answered 500 (a LiteException inside the turn) until the channel refused
    /// ids over <see cref="Bot.Dialogs.Activities.ActivityLimits.MaxIdBytes"/> bytes.
    /// </summary>
    [Theory]
    [InlineData("\"id\":\"m-long\"")]
    [InlineData("\"from\":{\"id\":\"u-long\"}")]
    [InlineData("\"conversation\":{\"id\":\"long\"}")]
    [InlineData("\"channelId\":\"test\"")]
    public async Task BotFrameworkRefusesOverlongIds(string field)
    {
        var value = field[(field.LastIndexOf(':') + 2)..field.IndexOf('"', field.LastIndexOf(':') + 2)];
        var body = BotFrameworkBody("long", "m-long", "bantuan").Replace(field, field.Replace(value, value + new string('x', 5000), StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(new string('x', 5000), body, StringComparison.Ordinal);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _http.PostAsync(Messages, content, TestContext.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Bearer forged.token.value")]
    [InlineData("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task BotFrameworkRefusesForgedCredentials(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Messages)
        {
            Content = new StringContent(BotFrameworkBody("forged", "f1", "bantuan"), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await _http.SendAsync(request, TestContext.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(_host.Services.GetRequiredService<IConversationReferenceStore>().FindByConversation("test", "forged"));
    }

    [Fact]
    public async Task DirectLineRefusesEveryMalformedBodyAndKeepsWorking()
    {
        var client = await StartedClientAsync();
        var (before, watermark) = await client.PollUntilAsync(null, 1);
        var failures = new List<string>();
        var path = $"{Base}/conversations/{client.ConversationId}/activities";
        var stored = Snapshot();
        foreach (var input in BadInputCorpus.For(DirectLineBody("bantuan")).Where(i => i.MustRefuse))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = input.Content() };
            request.Headers.Authorization = new("Bearer", client.Token);
            using var response = await _http.SendAsync(request, TestContext.Token);
            await ExpectRefusalAsync(input, response, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        stored.AssertUnchanged(Snapshot(), "refused bodies changed the store");
        var (after, _) = await client.PollAsync(watermark);
        Assert.Empty(after);

        foreach (var input in BadInputCorpus.For(DirectLineBody("bantuan")).Where(i => !i.MustRefuse))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = input.Content() };
            request.Headers.Authorization = new("Bearer", client.Token);
            using var response = await _http.SendAsync(request, TestContext.Token);
            Assert.True((int)response.StatusCode < 500, $"{input.Name}: {(int)response.StatusCode}");
        }

        var (_, latest) = await client.PollAsync(watermark);
        var id = await client.PostMessageAsync("siapa saya", "c-after");
        // Replies to the tolerated bodies may still be arriving: wait for the reply to this message in particular.
        var (activities, _) = await client.PollUntilAsync(latest, all => all.Any(a => Role(a) == "bot" && a.TryGetProperty("replyToId", out var r) && r.GetString() == id));
        Assert.Contains(activities, a => Role(a) == "bot" && a.TryGetProperty("replyToId", out var r) && r.GetString() == id);
        Assert.NotEmpty(before);
    }

    [Fact]
    public async Task DirectLineRefusesUnknownTypesAndForgedOrExpiredTokens()
    {
        var client = await StartedClientAsync();
        var other = await StartedClientAsync();
        var path = $"{Base}/conversations/{client.ConversationId}/activities";

        using (var unknown = await client.SendAsync(HttpMethod.Post, path, """{"type":"x-made-up","text":"hi"}"""))
        {
            Assert.InRange((int)unknown.StatusCode, 200, 499);
        }

        var parts = client.Token.Split('.');
        var otherParts = other.Token.Split('.');
        var forged = new[]
        {
            parts[0] + "." + parts[1] + "." + Flip(parts[2]),                 // signature tampered
            parts[0] + "." + otherParts[1] + "." + parts[2],                  // another conversation's claims, our signature
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + ".",          // alg none
            "not-a-token",
            new string('A', 20_000),
        };
        foreach (var token in forged)
        {
            using var response = await client.SendAsync(HttpMethod.Post, path, DirectLineBody("bantuan"), token);
            Assert.InRange((int)response.StatusCode, 401, 403);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        _time.Advance(TimeSpan.FromHours(2));
        using var expired = await client.SendAsync(HttpMethod.Post, path, DirectLineBody("bantuan"));
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal("TokenExpired", (await ReadJsonAsync(expired)).GetProperty("error").GetProperty("code").GetString());
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }

    private static async Task ExpectRefusalAsync(BadInput input, HttpResponseMessage response, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(TestContext.Token);
        if (status is < 400 or >= 500)
        {
            failures.Add($"{input.Name}: {status} {Shorten(body)}");
        }
        else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !body.Contains("\"detail\"", StringComparison.Ordinal))
        {
            failures.Add($"{input.Name}: {status} without a problem body: {Shorten(body)}");
        }
    }

    private async Task<IReadOnlyList<JsonElement>> ExpectRepliesAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(Messages, content, TestContext.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ReadJsonAsync(response);
        return json.GetProperty("activities").EnumerateArray().ToList();
    }

    private async Task<DirectLineTestClient> StartedClientAsync()
    {
        var client = new DirectLineTestClient(_http);
        await client.GenerateAsync();
        await client.StartAsync();
        return client;
    }

    private StoreSnapshot Snapshot() => StoreSnapshot.Of(_host.Services.GetRequiredService<SinergiDatabase>());

    private static string BotFrameworkBody(string conversation, string id, string text) =>
        $$"""{"type":"message","id":"{{id}}","channelId":"test","serviceUrl":"http://127.0.0.1:9/","deliveryMode":"expectReplies","from":{"id":"u-{{conversation}}"},"recipient":{"id":"bot"},"conversation":{"id":"{{conversation}}"},"text":"{{text}}"}""";

    private static string DirectLineBody(string text) =>
        $$"""{"type":"message","from":{"id":"someone","role":"user"},"locale":"id-ID","text":"{{text}}"}""";

    private static string Flip(string signature) => (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200];
}
