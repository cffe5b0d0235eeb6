using System.Net;
using System.Text.Json;
using Bot.Tests.Support;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>
/// Web Chat sends a message again under the same <c>channelData.clientActivityID</c> (its Retry after a POST whose
/// answer was lost): the turn runs once, the second POST answers 200 with the first activity's id, and the log holds
/// one echo and one turn's replies. Another clientActivityID, none at all, or the same one in another conversation runs
/// as before. On main every POST got a new id and ran again. Real Kestrel, real LiteDB.
/// </summary>
public sealed class DirectLineResendTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly KestrelHost _host;
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _client;

    public DirectLineResendTests()
    {
        _host = new KestrelHost(_data.Path);
        _http = _host.CreateNetworkClient();
        _client = new DirectLineTestClient(_http);
    }

    [Fact]
    public async Task AMessagePostedTwiceWithOneClientActivityIdRunsOnceAndAnswersWithTheFirstId()
    {
        await StartAsync(_client);

        var first = await _client.PostMessageAsync("bantuan", "client-twice");
        var again = await _client.PostMessageAsync("bantuan", "client-twice");

        Assert.Equal(first, again);
        var (log, _) = await _client.PollAsync("1");
        var echo = Assert.Single(log, a => Role(a) == "user");
        Assert.Equal(first, echo.GetProperty("id").GetString());
        var reply = Assert.Single(log, a => Role(a) == "bot");
        Assert.Equal(first, reply.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task AnotherClientActivityIdOrNoneRunsAgain()
    {
        await StartAsync(_client);

        var first = await _client.PostMessageAsync("bantuan", "client-a");
        var second = await _client.PostMessageAsync("bantuan", "client-b");
        var bare = await PostWithoutClientActivityIdAsync(_client);
        var bareAgain = await PostWithoutClientActivityIdAsync(_client);

        string[] ids = [first, second, bare, bareAgain];
        Assert.Equal(4, ids.Distinct(StringComparer.Ordinal).Count());
        var (log, _) = await _client.PollAsync("1");
        Assert.Equal(ids, log.Where(a => Role(a) == "user").Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(ids, log.Where(a => Role(a) == "bot").Select(a => a.GetProperty("replyToId").GetString()));
    }

    [Fact]
    public async Task TheSameClientActivityIdInAnotherConversationRunsThere()
    {
        await StartAsync(_client);
        var other = new DirectLineTestClient(_http);
        await StartAsync(other);

        var here = await _client.PostMessageAsync("bantuan", "client-shared");
        var there = await other.PostMessageAsync("bantuan", "client-shared");

        Assert.NotEqual(here, there);
        Assert.StartsWith(other.ConversationId + "|", there, StringComparison.Ordinal);
        var (log, _) = await other.PollAsync("1");
        Assert.Equal([there], log.Where(a => Role(a) == "user").Select(a => a.GetProperty("id").GetString()));
        Assert.Equal([there], log.Where(a => Role(a) == "bot").Select(a => a.GetProperty("replyToId").GetString()));
    }

    [Fact]
    public async Task AnUploadPostedTwiceWithOneClientActivityIdRunsOnce()
    {
        await StartAsync(_client);

        var first = await UploadAsync();
        var again = await UploadAsync();

        Assert.Equal(first, again);
        var (log, _) = await _client.PollAsync("1");
        var echo = Assert.Single(log, a => Role(a) == "user");
        Assert.Equal(first, echo.GetProperty("id").GetString());
        var replies = log.Where(a => Role(a) == "bot").ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Equal(first, r.GetProperty("replyToId").GetString()));
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }

    private static async Task StartAsync(DirectLineTestClient client)
    {
        await client.GenerateAsync();
        await client.StartAsync();
        await client.PollUntilAsync("", 1);
    }

    private static async Task<string> PostWithoutClientActivityIdAsync(DirectLineTestClient client)
    {
        var json = JsonSerializer.Serialize(new { type = "message", text = "bantuan", locale = "id-ID", from = new { id = "r_someone", role = "user" } });
        using var response = await client.SendAsync(HttpMethod.Post, $"{Base}/conversations/{client.ConversationId}/activities", json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    private async Task<string> UploadAsync()
    {
        using var response = await _client.UploadAsync(
            """{"type":"message","text":"ini buktinya","channelData":{"clientActivityID":"client-up-twice","attachmentSizes":[1]}}""", "bukti.png", "image/png", SampleFiles.Png);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }
}
