using System.Net;
using Bot.Tests.Support;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>Bad input gets a clear 4xx, never a 5xx, and leaves the transcript untouched.</summary>
public sealed class DirectLineBadInputTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly KestrelHost _host;
    private readonly HttpClient _http;

    public DirectLineBadInputTests()
    {
        _host = new KestrelHost(_data.Path, new Dictionary<string, string?> { ["DirectLine:MaxActivityBytes"] = "8192" });
        _http = _host.CreateNetworkClient();
    }

    public static TheoryData<string> BadActivities => new()
    {
        "{not json",
        "[]",
        "\"message\"",
        "42",
        "{}",
        """{"text":"no type"}""",
        """{"type":5}""",
        """{"type":""}""",
        """{"type":"message","text":{"nested":true}}""",
        """{"type":"message","from":"me"}""",
        """{"type":"message","timestamp":"yesterday"}""",
        """{"type":"message","attachments":{}}""",
        """{"type":"message","channelData":"string"}""",
        """{"type":"invoke","name":"x"}""",
        """{"type":"conversationUpdate"}""",
        """{"type":"message","attachments":[{"contentType":"image/png","contentUrl":"http://169.254.169.254/"}]}""",
        new string('[', 100) + new string(']', 100),
        """{"type":"message","value":""" + new string('[', 60) + new string(']', 60) + "}",
    };

    [Theory]
    [MemberData(nameof(BadActivities))]
    public async Task AMalformedActivityIs400WithAProblem(string body)
    {
        var client = await StartedClientAsync();
        using var response = await client.SendAsync(HttpMethod.Post, $"{Base}/conversations/{client.ConversationId}/activities", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal("BadArgument", problem.GetProperty("error").GetProperty("code").GetString());

        var (activities, _) = await client.PollAsync("1");
        Assert.Empty(activities);
    }

    [Fact]
    public async Task AnOversizedBodyIs413()
    {
        var client = await StartedClientAsync();
        var huge = "{\"type\":\"message\",\"text\":\"" + new string('a', 20_000) + "\"}";
        using var response = await client.SendAsync(HttpMethod.Post, $"{Base}/conversations/{client.ConversationId}/activities", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AnEmptyBodyIs400()
    {
        var client = await StartedClientAsync();
        using var response = await client.SendAsync(HttpMethod.Post, $"{Base}/conversations/{client.ConversationId}/activities", string.Empty);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AMalformedStartBodyIs400ButAnEmptyOneStarts()
    {
        var client = new DirectLineTestClient(_http);
        await client.GenerateAsync();
        using (var malformed = await client.SendAsync(HttpMethod.Post, Base + "/conversations", "{oops"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        using var empty = await client.SendAsync(HttpMethod.Post, Base + "/conversations");
        Assert.Equal(HttpStatusCode.Created, empty.StatusCode);
    }

    [Fact]
    public async Task UnknownPathsAndWrongMethodsAre4xx()
    {
        var client = await StartedClientAsync();
        using var unknown = await client.SendAsync(HttpMethod.Get, Base + "/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var wrongMethod = await client.SendAsync(HttpMethod.Delete, $"{Base}/conversations/{client.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        using var notASocket = await client.SendAsync(HttpMethod.Get, $"{Base}/conversations/{client.ConversationId}/stream?t={client.Token}");
        Assert.Equal(HttpStatusCode.BadRequest, notASocket.StatusCode);
    }

    [Fact]
    public async Task ABinaryGarbageBodyIs400()
    {
        var client = await StartedClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/conversations/{client.ConversationId}/activities")
        {
            Content = new ByteArrayContent([0xFF, 0xFE, 0x00, 0x7B, 0x80]),
        };
        request.Headers.Authorization = new("Bearer", client.Token);
        using var response = await _http.SendAsync(request, TestContext.Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<DirectLineTestClient> StartedClientAsync()
    {
        var client = new DirectLineTestClient(_http);
        await client.GenerateAsync();
        await client.StartAsync();
        await client.PollUntilAsync("", 1);
        return client;
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }
}
