using System.Net;
using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Menu;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Http;
using static Bot.Tests.Host.BotFramework.BotFrameworkRequests;

namespace Bot.Tests.Host.BotFramework;

/// <summary>
/// The production path end to end: a channel token checked against the published keys, the turn run, and the
/// reply posted back with the bot's own client-credentials token.
/// </summary>
public sealed class AzureRoundTripTests
{
    private const string AppId = "app-azure";

    [Fact]
    public async Task AnAuthenticatedMessageIsAnsweredWithTheBotsOwnToken()
    {
        using var signer = new TestSigner("key-a", "msteams");
        await using var keys = await KeyHost.StartAsync();
        keys.ChannelKeys = TestSigner.KeySet(signer);
        await using var channel = await LoopbackServer.StartAcceptingAsync();
        await using var tokenEndpoint = await LoopbackServer.StartAsync((_, response) =>
            response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = 3600, access_token = "bot-token" }));
        await using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["BotFramework:MicrosoftAppId"] = AppId,
            ["BotFramework:MicrosoftAppPassword"] = "pw",
            ["BotFramework:OpenIdMetadataUrl"] = keys.ChannelMetadataUrl.ToString(),
            ["BotFramework:TokenEndpoint"] = tokenEndpoint.BaseAddress.ToString(),
        });
        var serviceUrl = channel.BaseAddress.ToString();
        var now = app.Time.GetUtcNow();
        var token = signer.CreateToken(TestSigner.ChannelIssuer, AppId, now.AddMinutes(-1), now.AddHours(1), new Dictionary<string, object> { ["serviceurl"] = serviceUrl });
        var message = Some.Message("t1", "u1", "bantuan", channelId: "msteams") with { Id = "m-1", ServiceUrl = serviceUrl };

        var response = await PostAsync(app.CreateClient(), message, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(channel.Requests);
        Assert.Equal("Bearer bot-token", sent.Authorization);
        Assert.Equal("/v3/conversations/t1/activities/m-1", sent.RawTarget);
        Assert.Equal(MenuTexts.Help.For("id-ID"), JsonSerializer.Deserialize<Activity>(sent.Body, ActivityJson.Options)!.Text);
    }
}
