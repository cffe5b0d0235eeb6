using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// The bot's own access token for Connector calls, from the client-credentials grant (protocol §3.2). Cached
/// until shortly before it expires; a token the Connector refused is replaced once on request.
/// </summary>
internal sealed partial class ConnectorTokenProvider(
    IHttpClientFactory httpClients,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<ConnectorTokenProvider> logger) : IDisposable
{
    public const string HttpClientName = "BotFramework.Token";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    public bool HasCredentials => options.Value.HasCredentials;

    /// <summary>A valid token; a new one when <paramref name="rejected"/> is the cached one.</summary>
    public async Task<string> GetTokenAsync(string? rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && _token != rejected && time.GetUtcNow() < _refreshAt)
            {
                return _token;
            }

            var fresh = await RequestAsync(cancellationToken);
            var lifetime = TimeSpan.FromSeconds(Math.Max(fresh.ExpiresIn, 0));
            _token = fresh.AccessToken;
            _refreshAt = time.GetUtcNow() + (lifetime > 2 * RefreshMargin ? lifetime - RefreshMargin : lifetime / 2);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<TokenResponse> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.MicrosoftAppId,
            ["client_secret"] = settings.MicrosoftAppPassword,
            ["scope"] = settings.OAuthScope,
        });
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.PostAsync(settings.EffectiveTokenEndpoint, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogTokenRefused((int)response.StatusCode);
            throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        TokenResponse? token;
        try
        {
            token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException("The token endpoint answered with something that is not a token.", ex);
        }

        return token is { AccessToken.Length: > 0 }
            ? token
            : throw new HttpRequestException("The token endpoint answered without an access_token.");
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "The token endpoint refused the bot's credentials with {StatusCode}")]
    private partial void LogTokenRefused(int statusCode);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}
