using System.Net.WebSockets;
using System.Text.Json;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Host.DirectLine;

/// <summary>
/// Finding 15 of issue 14: an open WebSocket kept streaming after the token in its URL had expired. It is closed
/// when that token expires; Web Chat then reconnects with the token it refreshed in the meantime.
/// </summary>
public sealed class StreamExpiryTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly KestrelHost _host;
    private readonly HttpClient _http;

    public StreamExpiryTests()
    {
        _host = new KestrelHost(_data.Path, time: _time);
        _http = _host.CreateNetworkClient();
    }

    [Fact]
    public async Task TheSocketClosesWhenItsTokenExpires()
    {
        var client = new DirectLineTestClient(_http);
        await client.GenerateAsync();
        var (_, started) = await client.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), TestContext.Token);
        await DirectLineStreamTests.ReceiveUntilAsync(socket, [], 1);

        // A minute before expiry the socket still streams.
        _time.Advance(TimeSpan.FromMinutes(29));
        await client.PostMessageAsync("bantuan", "c-before");
        var received = new List<JsonElement>();
        await DirectLineStreamTests.ReceiveUntilAsync(socket, received, 2);

        _time.Advance(TimeSpan.FromMinutes(2));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
        }
        while (result.MessageType != WebSocketMessageType.Close);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Contains("expired", socket.CloseStatusDescription, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }
}
