using System.Net;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using static Bot.Tests.Host.BotFramework.BotFrameworkRequests;

namespace Bot.Tests.Host.BotFramework;

/// <summary>
/// Inbound JWT validation (protocol §3.1) with locally generated RSA keys published by a loopback key host.
/// Every refusal is a 401 problem and leaves no trace: no turn, no stored conversation reference.
/// </summary>
public sealed class ChannelAuthenticationTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string ServiceUrl = "https://smba.example/teams/";

    private readonly TestSigner _signer = new("key-1", "test", "msteams");
    private KeyHost _keys = null!;
    private BotApplication _app = null!;

    private DateTimeOffset Now => _app.Time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _keys = await KeyHost.StartAsync();
        _keys.ChannelKeys = TestSigner.KeySet(_signer);
        _keys.EmulatorKeys = TestSigner.KeySet(_signer);
        _app = new BotApplication(new Dictionary<string, string?>
        {
            ["BotFramework:MicrosoftAppId"] = AppId,
            ["BotFramework:OpenIdMetadataUrl"] = _keys.ChannelMetadataUrl.ToString(),
            ["BotFramework:EmulatorOpenIdMetadataUrl"] = _keys.EmulatorMetadataUrl.ToString(),
        });
    }

    public async Task DisposeAsync() => await _keys.DisposeAsync();

    public void Dispose()
    {
        _app.Dispose();
        _signer.Dispose();
    }

    [Fact]
    public async Task AValidChannelTokenIsAcceptedAndTheReferenceStored()
    {
        var response = await SendAsync(ChannelToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await ReadRepliesAsync(response));
        Assert.Equal(ServiceUrl, StoredReference()?.ServiceUrl);
    }

    [Fact]
    public async Task TheServiceUrlClaimIsComparedIgnoringCase()
    {
        var response = await SendAsync(ChannelToken(serviceUrl: ServiceUrl.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ATokenExpiredWithinTheFiveMinuteSkewIsAccepted()
    {
        var response = await SendAsync(ChannelToken(expires: Now.AddMinutes(-4)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public Task AWrongAudienceIsRefused() => AssertRefusedAsync(ChannelToken(audience: "someone-else"));

    [Fact]
    public Task AWrongIssuerIsRefused() => AssertRefusedAsync(ChannelToken(issuer: "https://api.botframework.evil"));

    [Fact]
    public Task AnExpiredTokenIsRefused() => AssertRefusedAsync(ChannelToken(expires: Now.AddMinutes(-6)));

    [Fact]
    public Task ATokenNotValidYetIsRefused() => AssertRefusedAsync(ChannelToken(notBefore: Now.AddMinutes(10)));

    [Fact]
    public async Task ATokenSignedByAnotherKeyWithTheSameKidIsRefused()
    {
        using var forger = new TestSigner(_signer.KeyId, "test");
        await AssertRefusedAsync(forger.CreateToken(TestSigner.ChannelIssuer, AppId, Now.AddMinutes(-1), Now.AddHours(1), ServiceUrlClaim(ServiceUrl)));
    }

    [Fact]
    public Task ATokenSignedWithAnAlgorithmOutsideRs256To512IsRefused() =>
        // PS256 uses the very same published RSA key, so only the algorithm rule can stop it.
        AssertRefusedAsync(ChannelToken(algorithm: SecurityAlgorithms.RsaSsaPssSha256));

    [Fact]
    public Task RS512IsAccepted() => AssertAcceptedAsync(ChannelToken(algorithm: SecurityAlgorithms.RsaSha512));

    [Fact]
    public Task AServiceUrlClaimForAnotherUrlIsRefused() => AssertRefusedAsync(ChannelToken(serviceUrl: "https://attacker.example/"));

    [Fact]
    public Task ATokenWithoutAServiceUrlClaimIsRefused() => AssertRefusedAsync(ChannelToken(serviceUrl: null));

    [Fact]
    public async Task AKeyNotEndorsedForTheChannelIsRefused()
    {
        var response = await SendAsync(ChannelToken(), Activity() with { ChannelId = "webchat" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(_app.Services.GetRequiredService<IConversationReferenceStore>().FindByConversation("webchat", "c1"));
    }

    [Fact]
    public Task AMissingAuthorizationHeaderIsRefused() => AssertRefusedAsync(bearer: null);

    [Fact]
    public async Task ALowerCaseBearerSchemeIsRefused()
    {
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(Activity(), ActivityJson.Options), System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + ChannelToken());

        var response = await _app.CreateClient().SendAsync(request, TestContext.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public Task GarbageInsteadOfAJwtIsRefused() => AssertRefusedAsync("not.a.jwt");

    [Fact]
    public Task AnEmulatorTokenIssuedToThisBotIsAccepted() =>
        AssertAcceptedAsync(_signer.CreateToken(KeyHost.EmulatorIssuer, AppId, Now.AddMinutes(-1), Now.AddHours(1),
            new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = AppId }));

    [Fact]
    public Task AnEmulatorTokenIssuedToAnotherAppIsRefused() =>
        AssertRefusedAsync(_signer.CreateToken(KeyHost.EmulatorIssuer, AppId, Now.AddMinutes(-1), Now.AddHours(1),
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = "another-app" }));

    [Fact]
    public async Task AKeyPublishedAfterStartIsFetchedWhenATokenNamesIt()
    {
        await AssertAcceptedAsync(ChannelToken()); // the key set is now cached
        using var rotated = new TestSigner("key-2", "test");
        _keys.ChannelKeys = TestSigner.KeySet(_signer, rotated);
        var token = rotated.CreateToken(TestSigner.ChannelIssuer, AppId, Now.AddMinutes(-1), Now.AddHours(1), ServiceUrlClaim(ServiceUrl));

        // The unknown kid asks the key cache for a refresh, which runs in the background: poll for it.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            status = (await SendAsync(token)).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(100);
            }
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private async Task AssertAcceptedAsync(string token)
    {
        var response = await SendAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertRefusedAsync(string? bearer)
    {
        var response = await SendAsync(bearer);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(StoredReference());
    }

    private async Task<HttpResponseMessage> SendAsync(string? bearer, Activity? activity = null) =>
        await PostAsync(_app.CreateClient(), activity ?? Activity(), bearer);

    private static Activity Activity() => Some.Message("c1", "u1", "bantuan").ExpectingReplies() with { ServiceUrl = ServiceUrl };

    private ConversationReference? StoredReference() =>
        _app.Services.GetRequiredService<IConversationReferenceStore>().FindByConversation("test", "c1");

    private string ChannelToken(
        string audience = AppId,
        string issuer = TestSigner.ChannelIssuer,
        string? serviceUrl = ServiceUrl,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256) =>
        _signer.CreateToken(issuer, audience, notBefore ?? Now.AddMinutes(-1), expires ?? Now.AddHours(1), ServiceUrlClaim(serviceUrl), algorithm);

    private static Dictionary<string, object> ServiceUrlClaim(string? serviceUrl) =>
        serviceUrl is null ? [] : new() { ["serviceurl"] = serviceUrl };
}
