using System.Net.WebSockets;
using System.Text.Json;
using Bot.Host.Channels.DirectLine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>
/// A socket gets what another host appended to its conversation's log: the entry is written to the store as that
/// host would (not through this host's feed), and the change it announced (<see cref="ActivityFeed.CatchUp"/>) sends
/// it, once, to the socket open here.
/// </summary>
public sealed class DirectLineCatchUpTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly KestrelHost _host;
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _client;

    public DirectLineCatchUpTests()
    {
        _host = new KestrelHost(_data.Path);
        _http = _host.CreateNetworkClient();
        _client = new DirectLineTestClient(_http);
    }

    [Fact]
    public async Task A_socket_gets_once_what_another_host_appended()
    {
        using var socket = await OpenSocketAsync();
        var received = new List<JsonElement>();
        await DirectLineStreamTests.ReceiveUntilAsync(socket, received, 1); // the welcome

        var feed = _host.Services.GetRequiredService<ActivityFeed>();
        var first = AppendElsewhere("first from another host");
        feed.CatchUp(_client.ConversationId, first);
        feed.CatchUp(_client.ConversationId, first); // heard twice: sent once

        var watermark = await DirectLineStreamTests.ReceiveUntilAsync(socket, received, 2);
        Assert.Equal("first from another host", Text(received[1]));
        Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), watermark);

        // The next change brings only what is new: the frame after the first is the second, not the first again.
        var second = AppendElsewhere("second from another host");
        feed.CatchUp(_client.ConversationId, second);
        await DirectLineStreamTests.ReceiveUntilAsync(socket, received, 3);
        Assert.Equal("second from another host", Text(received[2]));
    }

    [Fact]
    public async Task A_socket_gets_what_another_host_appended_before_this_host_s_next_turn_even_before_its_notice()
    {
        using var socket = await OpenSocketAsync();
        var received = new List<JsonElement>();
        await DirectLineStreamTests.ReceiveUntilAsync(socket, received, 1); // the welcome

        // Another host appends; its notice has not come when this host's next turn is pushed.
        AppendElsewhere("from another host");
        await _client.PostMessageAsync("bisa bantu apa aja?", "c-1");

        await DirectLineStreamTests.ReceiveUntilAsync(socket, received, 4); // the echo, the other host's message, a reply
        Assert.Single(received, a => Text(a) == "from another host");
    }

    /// <summary>Starts a conversation and opens its stream.</summary>
    private async Task<ClientWebSocket> OpenSocketAsync()
    {
        await _client.GenerateAsync();
        var (_, started) = await _client.StartAsync();
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), TestContext.Token);
        return socket;
    }

    /// <summary>Writes a bot message to the conversation's log as another host would; returns the log's new watermark.</summary>
    private int AppendElsewhere(string text)
    {
        var store = _host.Services.GetRequiredService<IDirectLineStore>();
        var conversation = store.Find(_client.ConversationId)!;
        var sequence = conversation.NextSequence;
        var id = _client.ConversationId + "|elsewhere-" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(new { type = "message", id, text, from = new { id = "bot", role = "bot" } });
        conversation.NextSequence = sequence + 1;
        store.Append(conversation, [new DirectLineLogEntry { Id = id, ConversationId = conversation.Id, Sequence = sequence, Json = json }]);
        return sequence + 1;
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }
}
