using System.Net;
using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Menu;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Http;
using static Bot.Tests.Host.BotFramework.BotFrameworkRequests;

namespace Bot.Tests.Host.BotFramework;

/// <summary>The HTTP contract of POST /api/messages with authentication off (no app id), over the real host.</summary>
public sealed class MessagesEndpointTests
{
    [Fact]
    public async Task ExpectRepliesReturnsTheHelpReplyInTheBody()
    {
        await using var app = new BotApplication();
        var response = await PostAsync(app.CreateClient(), Some.Message("c1", "u1", "bantuan").ExpectingReplies());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await ReadRepliesAsync(response));
        Assert.Equal(MenuTexts.Help.For("id-ID"), reply.Text);
        Assert.Equal("u1", reply.Recipient?.Id);
        Assert.NotNull(reply.SuggestedActions);
    }

    [Fact]
    public async Task ConversationUpdateWelcomesTheUserOnceAndNeverTheBot()
    {
        await using var app = new BotApplication();
        var client = app.CreateClient();

        var first = await ReadRepliesAsync(await PostAsync(client, Some.ConversationUpdate("c1", "u1").ExpectingReplies()));
        var again = await ReadRepliesAsync(await PostAsync(client, Some.ConversationUpdate("c1", "u1").ExpectingReplies()));
        var botOnly = Some.ConversationUpdate("c2", "u2") with { MembersAdded = [new ChannelAccount { Id = "bot" }] };
        var forBot = await ReadRepliesAsync(await PostAsync(client, botOnly.ExpectingReplies()));

        var welcome = Assert.Single(first);
        Assert.Equal(MenuTexts.Welcome.For("id-ID"), welcome.Text);
        Assert.Equal("u1", welcome.Recipient?.Id);
        Assert.Empty(again);
        Assert.Empty(forBot);
    }

    [Fact]
    public async Task InvokeWithoutAHandlerAnswers501()
    {
        await using var app = new BotApplication();
        var invoke = Some.Message("c1", "u1", "") with { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", Text = null };

        var response = await PostAsync(app.CreateClient(), invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task RepliesArePostedToTheServiceUrlAsRepliesToTheActivityWithEscapedIds()
    {
        await using var channel = await LoopbackServer.StartAcceptingAsync();
        await using var app = new BotApplication();
        // No trailing slash: the path of the serviceUrl must be kept ("/teams/v3/...", not "/v3/...").
        var serviceUrl = new Uri(channel.BaseAddress, "teams").ToString();
        var message = Some.Message("19:a;messageid=7|x/y", "u1", "bantuan") with { Id = "act:1|2", ServiceUrl = serviceUrl };

        var response = await PostAsync(app.CreateClient(), message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(TestContext.Token));
        var sent = Assert.Single(channel.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/teams/v3/conversations/19%3Aa%3Bmessageid%3D7%7Cx%2Fy/activities/act%3A1%7C2", sent.RawTarget);
        Assert.Equal(string.Empty, sent.Authorization);
        Assert.StartsWith("application/json", sent.ContentType, StringComparison.Ordinal);
        var reply = JsonSerializer.Deserialize<Activity>(sent.Body, ActivityJson.Options)!;
        Assert.Equal("act:1|2", reply.ReplyToId);
        Assert.Null(reply.Id);
        Assert.Equal("bot", reply.From?.Id);
        Assert.Equal("u1", reply.Recipient?.Id);
        Assert.Equal("19:a;messageid=7|x/y", reply.Conversation?.Id);
        Assert.Equal(MenuTexts.Help.For("id-ID"), reply.Text);
    }

    [Fact]
    public async Task TheWelcomeGoesToTheConversationNotAsAReply()
    {
        await using var channel = await LoopbackServer.StartAcceptingAsync();
        await using var app = new BotApplication();
        var update = Some.ConversationUpdate("conv 1", "u1") with { ServiceUrl = channel.BaseAddress.ToString() };

        var response = await PostAsync(app.CreateClient(), update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(channel.Requests);
        Assert.Equal("/v3/conversations/conv%201/activities", sent.RawTarget);
        Assert.Null(JsonSerializer.Deserialize<Activity>(sent.Body, ActivityJson.Options)!.ReplyToId);
    }

    [Fact]
    public async Task ADuplicateActivityIsAcknowledgedButNotAnsweredAgain()
    {
        await using var channel = await LoopbackServer.StartAcceptingAsync();
        await using var app = new BotApplication();
        var client = app.CreateClient();
        var message = Some.Message("c1", "u1", "bantuan") with { Id = "dup-1", ServiceUrl = channel.BaseAddress.ToString() };

        var first = await PostAsync(client, message);
        var second = await PostAsync(client, message);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(channel.Requests);
    }

    [Fact]
    public async Task RepliesARefusingChannelNeverTakesAreReportedAsABadGateway()
    {
        await using var channel = await LoopbackServer.StartAsync((_, response) =>
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await using var app = new BotApplication();
        var message = Some.Message("c1", "u1", "bantuan") with { ServiceUrl = channel.BaseAddress.ToString() };

        var response = await PostAsync(app.CreateClient(), message);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(channel.Requests); // 404 is not transient: no retry
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethodsThanPostAreRefusedWith405(string method)
    {
        await using var app = new BotApplication();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/messages");

        var response = await app.CreateClient().SendAsync(request, TestContext.Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
