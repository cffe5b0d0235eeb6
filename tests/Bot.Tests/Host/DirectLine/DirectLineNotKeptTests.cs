using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Bot.Dialogs.Engine;
using Bot.Tests.Support;
using static Bot.Tests.Host.DirectLine.DirectLineStreamTests;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>
/// A posted message whose turn was not kept (here: it ran out of time in every attempt, <see cref="TurnStatus.Busy"/>)
/// is answered 503 with Retry-After and Direct Line's error body, and its echo never reaches a socket or the log, so
/// Web Chat shows "Send failed" with a Retry link instead of a message nobody kept; the same message sent again is
/// answered. On main the POST answered 200 and the socket had the echo before the turn ran. Real Kestrel, real LiteDB.
/// </summary>
public sealed class DirectLineNotKeptTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly StallingScreen _screen = new();
    private readonly KestrelHost _host;
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _client;

    public DirectLineNotKeptTests()
    {
        _host = new KestrelHost(_data.Path, services: _screen.WrapIn);
        _http = _host.CreateNetworkClient();
        _client = new DirectLineTestClient(_http);
    }

    [Fact]
    public async Task ABusyTurnAnswersThePost503WithNoEchoAndTheMessageSentAgainIsAnswered()
    {
        using var socket = await StartWithSocketAsync();
        var received = new List<JsonElement>();
        await ReceiveUntilAsync(socket, received, 1);

        _screen.StallNext("bantuan", times: int.MaxValue);
        using (var busy = await _client.SendAsync(HttpMethod.Post, $"{Base}/conversations/{_client.ConversationId}/activities", Message("bantuan", "client-busy")))
        {
            await AssertNotKeptAsync(busy);
        }

        await ReceiveUntilAsync(socket, received, 2);
        Assert.Contains("sedang sibuk", Text(received[1]), StringComparison.Ordinal);
        _screen.StallNext("bantuan", times: 0);
        var id = await _client.PostMessageAsync("bantuan", "client-again");

        await ReceiveUntilAsync(socket, received, 4);
        Assert.Equal(["client-again"], received.Select(ClientActivityId).OfType<string>());
        Assert.Equal(id, received[2].GetProperty("id").GetString());
        var (log, _) = await _client.PollAsync("1");
        Assert.Equal(["client-again"], log.Select(ClientActivityId).OfType<string>());
        Assert.Contains(log, a => Role(a) == "bot" && a.GetProperty("replyToId").GetString() == id);
    }

    [Fact]
    public async Task ABusyTurnAnswersTheUploadPost503AndKeepsNothingOfIt()
    {
        await _client.GenerateAsync();
        await _client.StartAsync();
        await _client.PollUntilAsync("", 1);

        _screen.StallNext("buktinya", times: int.MaxValue);
        using (var busy = await UploadAsync())
        {
            await AssertNotKeptAsync(busy);
        }

        var (log, _) = await _client.PollAsync("1");
        Assert.Empty(log);
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }

    private static async Task AssertNotKeptAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        var error = (await ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal("ServiceError", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    private async Task<ClientWebSocket> StartWithSocketAsync()
    {
        await _client.GenerateAsync();
        var (_, started) = await _client.StartAsync();
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), TestContext.Token);
        return socket;
    }

    private static string Message(string text, string clientActivityId) => JsonSerializer.Serialize(new
    {
        type = "message",
        text,
        locale = "id-ID",
        from = new { id = "r_someone", role = "user" },
        channelData = new { clientActivityID = clientActivityId },
    });

    private static string? ClientActivityId(JsonElement activity) =>
        activity.TryGetProperty("channelData", out var data) && data.TryGetProperty("clientActivityID", out var id) ? id.GetString() : null;

    private Task<HttpResponseMessage> UploadAsync() =>
        _client.UploadAsync("""{"type":"message","text":"ini buktinya","channelData":{"clientActivityID":"client-up","attachmentSizes":[1]}}""", "bukti.png", "image/png", SampleFiles.Png);
}
