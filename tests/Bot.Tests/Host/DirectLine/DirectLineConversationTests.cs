using System.Net;
using Bot.Tests.Support;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>The polling happy path of directline-3.md §7.4 and the conversation lifecycle calls.</summary>
public sealed class DirectLineConversationTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly KestrelHost _host;
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _client;

    public DirectLineConversationTests()
    {
        _host = new KestrelHost(_data.Path);
        _http = _host.CreateNetworkClient();
        _client = new DirectLineTestClient(_http);
    }

    [Fact]
    public async Task WelcomeArrivesBeforeTheUserTypesThenEchoPrecedesTheReply()
    {
        var generated = await _client.GenerateAsync();
        Assert.Equal(1800, generated.GetProperty("expires_in").GetInt32());
        Assert.StartsWith("dl_", _client.UserId, StringComparison.Ordinal);

        var (status, started) = await _client.StartAsync();
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(_client.ConversationId, started.GetProperty("conversationId").GetString());

        var (welcome, watermark) = await _client.PollUntilAsync("", 1);
        var first = Assert.Single(welcome);
        Assert.Equal("message", first.GetProperty("type").GetString());
        Assert.Equal("bot", Role(first));
        Assert.Equal("sinergi-bot", first.GetProperty("from").GetProperty("id").GetString());
        Assert.Contains("Sinergi", Text(first), StringComparison.Ordinal);
        Assert.Contains(first.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray(), a => a.GetProperty("title").GetString() == "Bantuan");
        Assert.False(first.TryGetProperty("replyToId", out _), "The welcome must not point at the conversationUpdate the client never sees.");
        Assert.Equal("1", watermark);

        var postedId = await _client.PostMessageAsync("bantuan", "client-1");
        var (turn, next) = await _client.PollUntilAsync(watermark, 2);
        Assert.Equal(2, turn.Count);
        var echo = turn[0];
        var reply = turn[1];
        Assert.Equal(postedId, echo.GetProperty("id").GetString());
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user", Role(echo));
        Assert.Equal(_client.UserId, echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("bantuan", Text(echo));
        Assert.Equal("bot", Role(reply));
        Assert.Equal(postedId, reply.GetProperty("replyToId").GetString());
        Assert.Contains("184", Text(reply), StringComparison.Ordinal);
        Assert.Equal("3", next);

        var stamps = new[] { first, echo, reply }.Select(a => a.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.True(stamps[0] < stamps[1] && stamps[1] < stamps[2], "Timestamps must increase in log order.");
        Assert.All(new[] { first, echo, reply }, a => Assert.EndsWith("Z", a.GetProperty("timestamp").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartingTwiceIsIdempotentAndWelcomesOnce()
    {
        await _client.GenerateAsync();
        Assert.Equal(HttpStatusCode.Created, (await _client.StartAsync()).Status);
        var (again, body) = await _client.StartAsync();
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(_client.ConversationId, body.GetProperty("conversationId").GetString());

        await _client.PollUntilAsync("", 1);
        await _client.PostMessageAsync("halo", "client-2");
        var (all, _) = await _client.PollUntilAsync("", 3);
        Assert.Equal(3, all.Count);
        Assert.DoesNotContain(all, a => a.GetProperty("type").GetString() == "conversationUpdate");
    }

    [Fact]
    public async Task ReconnectAlwaysReturnsATokenAndAnAbsoluteStreamUrl()
    {
        await _client.GenerateAsync();
        await _client.StartAsync();
        using var response = await _client.SendAsync(HttpMethod.Get, $"{Base}/conversations/{_client.ConversationId}?watermark=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        var streamUrl = new Uri(body.GetProperty("streamUrl").GetString()!);
        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Equal(_host.BaseAddress.Authority, streamUrl.Authority);
        Assert.Contains("t=", streamUrl.Query, StringComparison.Ordinal);
        Assert.Contains("watermark=1", streamUrl.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconnectingToAConversationNeverStartedStartsIt()
    {
        await _client.GenerateAsync();
        using var response = await _client.SendAsync(HttpMethod.Get, $"{Base}/conversations/{_client.ConversationId}?watermark=");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (welcome, _) = await _client.PollUntilAsync(null, 1);
        Assert.Equal("bot", Role(Assert.Single(welcome)));
    }

    [Fact]
    public async Task RefreshGivesANewTokenForTheSameConversation()
    {
        await _client.GenerateAsync();
        await _client.StartAsync();
        using var response = await _client.SendAsync(HttpMethod.Post, Base + "/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(_client.ConversationId, body.GetProperty("conversationId").GetString());
        _client.Token = body.GetProperty("token").GetString()!;
        var (activities, _) = await _client.PollUntilAsync("", 1);
        Assert.NotEmpty(activities);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("999999")]
    public async Task AnUnusableWatermarkReadsFromTheStartOrTheEndWithoutFailing(string watermark)
    {
        await _client.GenerateAsync();
        await _client.StartAsync();
        await _client.PollUntilAsync("", 1);
        var (activities, next) = await _client.PollAsync(watermark);
        Assert.Equal("1", next);
        Assert.Equal(watermark == "999999" ? 0 : 1, activities.Count);
    }

    [Fact]
    public async Task ProactiveMessagesAreAppendedToTheLog()
    {
        await _client.GenerateAsync();
        await _client.StartAsync();
        await _client.PollUntilAsync("", 1);
        var messenger = (Bot.Dialogs.Engine.ProactiveMessenger)_host.Services.GetService(typeof(Bot.Dialogs.Engine.ProactiveMessenger))!;
        var references = (Bot.Dialogs.Storage.IConversationReferenceStore)_host.Services.GetService(typeof(Bot.Dialogs.Storage.IConversationReferenceStore))!;
        var reference = references.FindByConversation("directline", _client.ConversationId);
        Assert.NotNull(reference);

        var proactive = new Bot.Dialogs.Activities.Activity { Type = "message", Text = "Pengingat: laporan B6 jatuh tempo besok." };
        await messenger.DeliverAsync(reference, new Bot.Dialogs.Engine.ProactiveMessage(proactive, "rem-1", Bot.Dialogs.Engine.DeliveryRecord.None), TestContext.Token);

        var (activities, _) = await _client.PollUntilAsync("1", 1);
        var reminder = Assert.Single(activities);
        Assert.Equal("bot", Role(reminder));
        Assert.Equal(_client.UserId, reminder.GetProperty("recipient").GetProperty("id").GetString());
        Assert.StartsWith("Pengingat", Text(reminder), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentPostsAndRefreshesKeepOneGaplessLog()
    {
        await _client.GenerateAsync();
        await _client.StartAsync();
        await _client.PollUntilAsync("", 1);

        // Refreshes write the conversation record too; they must not roll back the watermark that posts move.
        var work = Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            (Task)_client.PostMessageAsync("halo", "client-" + i),
            RefreshAsync(),
        });
        await Task.WhenAll(work);

        var (all, watermark) = await _client.PollUntilAsync("", 21);
        Assert.Equal(21, all.Count);
        Assert.Equal("21", watermark);
        // The bot's activities are numbered by their place in the log; the user's got their id when posted.
        var ids = all.Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.Equal(21, ids.Distinct().Count());
        Assert.All(
            Enumerable.Range(0, 21).Where(n => Role(all[n]) != "user"),
            n => Assert.Equal($"{_client.ConversationId}|{n:D7}", ids[n]));
        Assert.Equal(10, all.Count(a => Role(a) == "user"));
    }

    private async Task RefreshAsync()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, Base + "/tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }
}
