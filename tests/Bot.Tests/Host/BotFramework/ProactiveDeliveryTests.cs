using System.Net;
using System.Text;
using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Host.Channels.BotFramework;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Host.BotFramework.BotFrameworkRequests;

namespace Bot.Tests.Host.BotFramework;

/// <summary>Proactive sends through the Bot Framework channel sender, and who may reach an unauthenticated bot.</summary>
public sealed class ProactiveDeliveryTests
{
    [Fact]
    public async Task AStoredReferenceIsMessagedThroughSendToConversation()
    {
        await using var channel = await LoopbackServer.StartAcceptingAsync();
        await using var app = new BotApplication();
        await PostAsync(app.CreateClient(), Some.Message("c:9", "u1", "bantuan") with { ServiceUrl = channel.BaseAddress.ToString() });
        var reference = app.Services.GetRequiredService<IConversationReferenceStore>().FindByConversation("test", "c:9")!;

        await app.Services.GetRequiredService<ProactiveMessenger>()
            .DeliverAsync(reference, new ProactiveMessage(new Activity { Type = ActivityTypes.Message, Text = "Pengingat: laporan B6" }, "rem-1", DeliveryRecord.None), TestContext.Token);

        var proactive = channel.Requests[^1];
        Assert.Equal("/v3/conversations/c%3A9/activities", proactive.RawTarget);
        var sent = JsonSerializer.Deserialize<Activity>(proactive.Body, ActivityJson.Options)!;
        Assert.Equal("Pengingat: laporan B6", sent.Text);
        Assert.Null(sent.ReplyToId);
        Assert.Equal("u1", sent.Recipient?.Id);
        Assert.Equal("bot", sent.From?.Id);
    }

    [Theory]
    [InlineData("msteams", "https://smba.example/teams/", true)]
    [InlineData("emulator", "http://localhost:5000", true)]
    [InlineData("directline", "https://directline.example/", false)]
    [InlineData("console", "https://console.example/", false)]
    [InlineData("msteams", null, false)]
    [InlineData("msteams", "ftp://smba.example/", false)]
    public void TheSenderTakesBotFrameworkReferencesOnly(string channelId, string? serviceUrl, bool expected)
    {
        using var services = new ServiceCollection().AddLogging().AddHttpClient().BuildServiceProvider();
        var sender = new BotFrameworkChannelSender(services.GetRequiredService<IHttpClientFactory>(), services.GetRequiredService<Microsoft.Extensions.Http.ITypedHttpClientFactory<ConnectorClient>>());
        var reference = new ConversationReference { ChannelId = channelId, ServiceUrl = serviceUrl, Conversation = new ConversationAccount { Id = "c1" } };

        Assert.Equal(expected, sender.CanDeliver(reference));
    }

    [Fact]
    public async Task WithoutAnAppIdARemoteCallerWithoutATokenIsRefused()
    {
        await using var app = new BotApplication();
        var body = JsonSerializer.SerializeToUtf8Bytes(Some.Message("c1", "u1", "bantuan").ExpectingReplies(), ActivityJson.Options);

        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/messages";
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(body);
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
        }, TestContext.Token);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Null(app.Services.GetRequiredService<IConversationReferenceStore>().FindByConversation("test", "c1"));
    }

    [Fact]
    public async Task WithoutAnAppIdATokenCannotBeCheckedAndIsRefused()
    {
        await using var app = new BotApplication();
        using var content = new StringContent(JsonSerializer.Serialize(Some.Message("c1", "u1", "bantuan").ExpectingReplies(), ActivityJson.Options), Encoding.UTF8, "application/json");

        var response = await PostAsync(app.CreateClient(), content, bearer: "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
