using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Bot.Tests.Support;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>The WebSocket stream (directline-3.md §3.8) on real Kestrel.</summary>
public sealed class DirectLineStreamTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly KestrelHost _host;
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _client;

    public DirectLineStreamTests()
    {
        _host = new KestrelHost(_data.Path);
        _http = _host.CreateNetworkClient();
        _client = new DirectLineTestClient(_http);
    }

    [Fact]
    public async Task TheSocketDeliversTheWelcomeThenTheEchoAndTheReply()
    {
        await _client.GenerateAsync();
        var (_, started) = await _client.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), TestContext.Token);

        // Web Chat pings with an empty text frame every 20 s; the server must ignore it and keep the socket.
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, endOfMessage: true, TestContext.Token);

        var received = new List<JsonElement>();
        await ReceiveUntilAsync(socket, received, 1);
        Assert.Equal("bot", Role(received[0]));

        var postedId = await _client.PostMessageAsync("bantuan", "client-ws");
        await ReceiveUntilAsync(socket, received, 3);
        Assert.Equal(postedId, received[1].GetProperty("id").GetString());
        Assert.Equal("client-ws", received[1].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("bot", Role(received[2]));
        Assert.Equal(postedId, received[2].GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task ASocketOpenedWithAWatermarkReplaysOnlyWhatCameAfter()
    {
        await _client.GenerateAsync();
        await _client.StartAsync();
        await _client.PostMessageAsync("halo", "client-a");
        await _client.PollUntilAsync("", 3);

        using var reconnect = await _client.SendAsync(HttpMethod.Get, $"{Base}/conversations/{_client.ConversationId}?watermark=2");
        var streamUrl = (await ReadJsonAsync(reconnect)).GetProperty("streamUrl").GetString()!;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), TestContext.Token);
        var received = new List<JsonElement>();
        var watermark = await ReceiveUntilAsync(socket, received, 1);
        Assert.Equal("bot", Role(Assert.Single(received)));
        Assert.Equal("3", watermark);
    }

    [Fact]
    public async Task AStreamWithoutAValidTokenIsRefusedBeforeTheUpgrade()
    {
        await _client.GenerateAsync();
        await _client.StartAsync();
        using var socket = new ClientWebSocket();
        var url = new Uri(new Uri(_host.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), $"{Base}/conversations/{_client.ConversationId}/stream?t=forged.token.value");
        var error = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, TestContext.Token));
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Reads ActivitySet frames until <paramref name="count"/> activities arrived; returns the last watermark.</summary>
    internal static async Task<string?> ReceiveUntilAsync(WebSocket socket, List<JsonElement> received, int count, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        string? watermark = null;
        var buffer = new byte[64 * 1024];
        while (received.Count < count)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            var text = Encoding.UTF8.GetString(message.ToArray());
            if (text.Length == 0)
            {
                continue;
            }

            var set = JsonDocument.Parse(text).RootElement.Clone();
            received.AddRange(set.GetProperty("activities").EnumerateArray());
            watermark = set.TryGetProperty("watermark", out var w) ? w.GetString() : watermark;
        }

        return watermark;
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }
}
