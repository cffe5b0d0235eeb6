using System.Net;
using Bot.Host.Channels.BotFramework;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.BotFramework;

/// <summary>
/// Outgoing Connector calls from the real host's container: the bot's token from a loopback token endpoint,
/// retries on 429/5xx and unreachable channels that honour Retry-After (observed through the scripted clock) and
/// stop after the configured attempts, and the 401 refresh.
/// </summary>
public sealed class ConnectorClientTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "app-7";
    private readonly Queue<Func<HttpResponse, Task>> _script = new();
    private int _tokensIssued;
    private LoopbackServer _channel = null!;
    private LoopbackServer _tokenEndpoint = null!;
    private BotApplication _app = null!;

    public async Task InitializeAsync()
    {
        _channel = await LoopbackServer.StartAsync((_, response) =>
        {
            lock (_script)
            {
                return _script.Count > 0 ? _script.Dequeue()(response) : response.WriteAsJsonAsync(new { id = "ok" });
            }
        });
        _tokenEndpoint = await LoopbackServer.StartAsync((_, response) =>
            response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = 3600, access_token = "token-" + Interlocked.Increment(ref _tokensIssued) }));
        _app = new BotApplication(new Dictionary<string, string?>
        {
            ["BotFramework:MicrosoftAppId"] = AppId,
            ["BotFramework:MicrosoftAppPassword"] = "s3cret",
            ["BotFramework:TokenEndpoint"] = new Uri(_tokenEndpoint.BaseAddress, "tenant/oauth2/v2.0/token").ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _tokenEndpoint.DisposeAsync();
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheConnectorSeesTheBearerTokenFromTheTokenEndpoint()
    {
        var id = await SendAsync();

        Assert.Equal("ok", id);
        Assert.Equal("Bearer token-1", Assert.Single(_channel.Requests).Authorization);
        var tokenRequest = Assert.Single(_tokenEndpoint.Requests);
        Assert.Equal("/tenant/oauth2/v2.0/token", tokenRequest.RawTarget);
        var form = QueryHelpers(tokenRequest.Body);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal("s3cret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task TheTokenIsReusedUntilShortlyBeforeItExpires()
    {
        await SendAsync();
        await SendAsync();
        _app.Time.Advance(TimeSpan.FromMinutes(56));
        await SendAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], _channel.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A401GetsOneFreshTokenAndOneMoreTry()
    {
        Script(StatusCodes.Status401Unauthorized);

        await SendAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-2"], _channel.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A429WithRetryAfterSecondsIsRetriedAfterThatWaitAndDeliveredOnce()
    {
        Script(StatusCodes.Status429TooManyRequests, retryAfter: "7");

        var id = await SendAsync();

        Assert.Equal("ok", id);
        Assert.Equal(2, _channel.Requests.Count);
        Assert.Equal(_channel.Requests[0].Body, _channel.Requests[1].Body);
        Assert.Equal([TimeSpan.FromSeconds(7)], _app.Time.Waits);
    }

    [Fact]
    public async Task ARetryAfterDateIsHonoured()
    {
        var at = _app.Time.GetUtcNow().AddSeconds(12);
        Script(StatusCodes.Status503ServiceUnavailable, retryAfter: at.ToString("R"));

        await SendAsync();

        Assert.Equal([TimeSpan.FromSeconds(12)], _app.Time.Waits);
    }

    [Fact]
    public async Task ServerErrorsBackOffExponentially()
    {
        Script(StatusCodes.Status500InternalServerError);
        Script(StatusCodes.Status502BadGateway);

        await SendAsync();

        Assert.Equal(3, _channel.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _app.Time.Waits);
    }

    [Fact]
    public async Task AttemptsAreBoundedThenTheFailureIsReported()
    {
        for (var i = 0; i < 10; i++)
        {
            Script(StatusCodes.Status503ServiceUnavailable, retryAfter: "3600");
        }

        var failure = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.Status);
        Assert.Equal(4, _channel.Requests.Count);
        // Retry-After beyond the cap waits the cap (DeliveryMaxDelay, 30 s), not an hour.
        Assert.All(_app.Time.Waits, w => Assert.Equal(TimeSpan.FromSeconds(30), w));
    }

    [Fact]
    public async Task AClientErrorIsNotRetried()
    {
        Script(StatusCodes.Status403Forbidden);

        await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Single(_channel.Requests);
        Assert.Empty(_app.Time.Waits);
    }

    [Fact]
    public async Task TheConfiguredNumberOfAttemptsIsMadeThenTheFailureIsReported()
    {
        using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["BotFramework:DeliveryMaxAttempts"] = "2",
            ["BotFramework:DeliveryBaseDelay"] = "00:00:05",
        });
        for (var i = 0; i < 5; i++)
        {
            Script(StatusCodes.Status502BadGateway);
        }

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(app));

        Assert.Equal(HttpStatusCode.BadGateway, failure.Status);
        Assert.Equal(2, _channel.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(5)], app.Time.Waits);
    }

    [Fact]
    public async Task AnUnreachableChannelIsRetriedThenReportedWithoutAStatus()
    {
        var closed = await LoopbackServer.StartAcceptingAsync();
        var serviceUrl = closed.BaseAddress.ToString();
        await closed.DisposeAsync();
        var connector = _app.Services.GetRequiredService<ConnectorClient>();

        var failure = await Assert.ThrowsAsync<ConnectorException>(
            () => connector.SendAsync(serviceUrl, Some.Message("c1", "u1", "hai").CreateReply("halo"), TestContext.Token));

        Assert.Null(failure.Status);
        Assert.IsType<HttpRequestException>(failure.InnerException);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _app.Time.Waits);
    }

    private void Script(int status, string? retryAfter = null)
    {
        lock (_script)
        {
            _script.Enqueue(response =>
            {
                response.StatusCode = status;
                if (retryAfter is not null)
                {
                    response.Headers.RetryAfter = retryAfter;
                }

                return Task.CompletedTask;
            });
        }
    }

    private Task<string?> SendAsync() => SendAsync(_app);

    private Task<string?> SendAsync(BotApplication app)
    {
        var connector = app.Services.GetRequiredService<ConnectorClient>();
        var reply = Some.Message("c1", "u1", "hai").CreateReply("halo");
        return connector.SendAsync(_channel.BaseAddress.ToString(), reply, TestContext.Token);
    }

    private static Dictionary<string, string> QueryHelpers(string form) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(form).ToDictionary(p => p.Key, p => p.Value.ToString());
}
