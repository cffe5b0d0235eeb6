using System.Net;
using Bot.Tests.Support;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>A page open across a host restart reconnects and finds its transcript (the log lives in LiteDB).</summary>
public sealed class DirectLineRestartTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task AfterARestartReconnectAndPollReturnTheOldTranscript()
    {
        string conversationId;
        string token;
        List<string> before;
        await using (var first = new KestrelHost(_data.Path))
        {
            using var http = first.CreateNetworkClient();
            var client = new DirectLineTestClient(http);
            await client.GenerateAsync();
            await client.StartAsync();
            await client.PostMessageAsync("bantuan", "client-before");
            var (log, _) = await client.PollUntilAsync("", 3);
            before = log.Select(a => a.GetProperty("id").GetString()!).ToList();
            conversationId = client.ConversationId;
            token = client.Token;
        }

        await using var second = new KestrelHost(_data.Path);
        using var http2 = second.CreateNetworkClient();
        var resumed = new DirectLineTestClient(http2) { Token = token, ConversationId = conversationId };

        using (var reconnect = await resumed.SendAsync(HttpMethod.Get, $"{Base}/conversations/{conversationId}?watermark="))
        {
            Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
            var body = await ReadJsonAsync(reconnect);
            Assert.False(string.IsNullOrEmpty(body.GetProperty("streamUrl").GetString()));
            resumed.Token = body.GetProperty("token").GetString()!;
        }

        var (replayed, watermark) = await resumed.PollAsync("");
        Assert.Equal(before, replayed.Select(a => a.GetProperty("id").GetString()!).ToList());
        Assert.Equal("3", watermark);

        // The conversation goes on: new activities continue the log and there is no second welcome.
        var next = await resumed.PostMessageAsync("halo", "client-after");
        var (after, _) = await resumed.PollUntilAsync("3", 2);
        Assert.Equal(2, after.Count);
        Assert.Equal(next, after[0].GetProperty("id").GetString()); // the message takes the log's next place (3)
        Assert.EndsWith("|0000004", after[1].GetProperty("id").GetString(), StringComparison.Ordinal);
        var (all, _) = await resumed.PollAsync("");
        Assert.Equal(5, all.Count);
    }

    public void Dispose() => _data.Dispose();
}
