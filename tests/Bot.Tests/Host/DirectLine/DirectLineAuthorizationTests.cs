using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>A token opens exactly one conversation, for a limited time.</summary>
public sealed class DirectLineAuthorizationTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly KestrelHost _host;
    private readonly HttpClient _http;

    public DirectLineAuthorizationTests()
    {
        _host = new KestrelHost(_data.Path, time: _time);
        _http = _host.CreateNetworkClient();
    }

    [Fact]
    public async Task ATokenForOneConversationOpensNoOtherOnAnyEndpoint()
    {
        var alice = new DirectLineTestClient(_http);
        var bob = new DirectLineTestClient(_http);
        await alice.GenerateAsync();
        await alice.StartAsync();
        await bob.GenerateAsync();
        await bob.StartAsync();
        await bob.PollUntilAsync("", 1);
        var bobs = bob.ConversationId;

        var attempts = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Get, $"{Base}/conversations/{bobs}?watermark=", null),
            (HttpMethod.Get, $"{Base}/conversations/{bobs}/activities?watermark=", null),
            (HttpMethod.Post, $"{Base}/conversations/{bobs}/activities", """{"type":"message","text":"hi"}"""),
        };
        foreach (var (method, path, body) in attempts)
        {
            using var response = await alice.SendAsync(method, path, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}");
        }

        using (var upload = await UploadAsync(bobs, alice.Token))
        {
            Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        }

        using var socket = new ClientWebSocket();
        var stream = new Uri($"ws://{_host.BaseAddress.Authority}{Base}/conversations/{bobs}/stream?t={alice.Token}");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(stream, TestContext.Token));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        // Nothing of Alice's reached Bob's transcript.
        var (activities, _) = await bob.PollAsync("");
        Assert.Single(activities);
    }

    [Fact]
    public async Task AnUploadedFileIsServedOnlyToItsConversation()
    {
        var alice = new DirectLineTestClient(_http);
        var bob = new DirectLineTestClient(_http);
        await alice.GenerateAsync();
        await alice.StartAsync();
        await bob.GenerateAsync();
        await bob.StartAsync();
        using (var uploaded = await UploadAsync(bob.ConversationId, bob.Token))
        {
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        var (log, _) = await bob.PollUntilAsync("1", 1);
        var url = log[0].GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!;
        var path = url.Split('?')[0];

        using var withBobsToken = await bob.SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, withBobsToken.StatusCode);
        using var withAlicesToken = await alice.SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.Forbidden, withAlicesToken.StatusCode);
        using var anonymous = await _http.GetAsync(path, TestContext.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var forgedSignature = await _http.GetAsync(path + "?sig=AAAAAAAAAAAAAAAAAAAAAA", TestContext.Token);
        Assert.Equal(HttpStatusCode.Forbidden, forgedSignature.StatusCode);
        using var signed = await _http.GetAsync(url, TestContext.Token);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task AMissingTokenIs401AndAForgedOneIs403()
    {
        var client = new DirectLineTestClient(_http);
        await client.GenerateAsync();
        await client.StartAsync();
        var path = $"{Base}/conversations/{client.ConversationId}/activities";

        using var missing = await _http.GetAsync(path, TestContext.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var parts = client.Token.Split('.');
        var tampered = parts[0] + "." + parts[1] + "x." + parts[2];
        // The same claims unsigned ("alg":"none") or signed with HS256 under a key the host never had.
        var unsigned = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8) + "." + parts[1] + ".";
        var otherKey = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(
            System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])),
            new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256));
        foreach (var forged in new[] { "nonsense", tampered, parts[0] + "." + parts[1] + ".", client.Token + "A", unsigned, otherKey })
        {
            using var response = await client.SendAsync(HttpMethod.Get, path, token: forged);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task AnExpiredTokenIsRefusedAndARefreshedOneIsNot()
    {
        var client = new DirectLineTestClient(_http);
        await client.GenerateAsync();
        await client.StartAsync();
        var original = client.Token;

        _time.Advance(TimeSpan.FromMinutes(20));
        using (var refresh = await client.SendAsync(HttpMethod.Post, Base + "/tokens/refresh"))
        {
            Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
            client.Token = (await ReadJsonAsync(refresh)).GetProperty("token").GetString()!;
        }

        _time.Advance(TimeSpan.FromMinutes(15));
        var path = $"{Base}/conversations/{client.ConversationId}/activities?watermark=";
        using (var expired = await client.SendAsync(HttpMethod.Get, path, token: original))
        {
            Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
            Assert.Equal("TokenExpired", (await ReadJsonAsync(expired)).GetProperty("error").GetProperty("code").GetString());
        }

        using (var refreshExpired = await client.SendAsync(HttpMethod.Post, Base + "/tokens/refresh", token: original))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refreshExpired.StatusCode);
        }

        using var fresh = await client.SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task ACrossSiteCallerCannotMintTokens()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + "/tokens/generate");
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await _http.SendAsync(request, TestContext.Token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var wrongSecret = new HttpRequestMessage(HttpMethod.Post, Base + "/tokens/generate");
        wrongSecret.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        using var refused = await _http.SendAsync(wrongSecret, TestContext.Token);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private Task<HttpResponseMessage> UploadAsync(string conversationId, string token)
    {
        var form = new MultipartFormDataContent();
        var activity = new ByteArrayContent("""{"type":"message","text":"bukti"}"""u8.ToArray());
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(SampleFiles.Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "bukti.png");
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/conversations/{conversationId}/upload?userId=x") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _http.SendAsync(request, TestContext.Token);
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }
}
