using System.Net;
using Bot.Dialogs.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// Checks the bearer token of an inbound activity (protocol §3.1): issuer, signature with an RS256/384/512 key
/// from the published key set, lifetime with five minutes of skew, audience, the serviceurl claim and the key's
/// endorsements. Without an app id, authentication is off as in Bot Framework local development (§3.3).
/// </summary>
internal sealed partial class ChannelAuthenticator : IDisposable
{
    private const string BearerPrefix = "Bearer ";

    private readonly BotFrameworkOptions _options;
    private readonly SignedTokenValidator _validator;
    private readonly ILogger<ChannelAuthenticator> _logger;
    private readonly Lazy<OpenIdSigningKeys> _channelKeys;
    private readonly Lazy<OpenIdSigningKeys>? _emulatorKeys;
    private readonly JsonWebTokenHandler _handler = new();

    public ChannelAuthenticator(IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<ChannelAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _validator = new SignedTokenValidator(time);
        _logger = logger;
        _channelKeys = new(() => new OpenIdSigningKeys(_options.OpenIdMetadataUrl));
        _emulatorKeys = string.IsNullOrWhiteSpace(_options.EmulatorOpenIdMetadataUrl)
            ? null
            : new(() => new OpenIdSigningKeys(_options.EmulatorOpenIdMetadataUrl));
    }

    public async Task<AuthenticationOutcome> AuthenticateAsync(HttpContext http, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(activity);
        var header = http.Request.Headers.Authorization.ToString();
        if (!_options.AuthenticationEnabled)
        {
            return AuthenticateAnonymous(header, http.Connection.RemoteIpAddress);
        }

        // The scheme is compared case-sensitively, as the SDK's token extractor does.
        if (!header.StartsWith(BearerPrefix, StringComparison.Ordinal) || header.Length == BearerPrefix.Length)
        {
            return AuthenticationOutcome.Refuse("No bearer token in the Authorization header.");
        }

        var token = header[BearerPrefix.Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return AuthenticationOutcome.Refuse("The bearer token is not a JWT.");
        }

        try
        {
            // Peek at the unverified issuer only to pick which rules and keys apply; verification follows.
            var issuer = _handler.ReadJsonWebToken(token).Issuer;
            var emulatorIssuers = EmulatorTokens.Issuers(_options.MicrosoftAppTenantId);
            var outcome = _emulatorKeys is not null && emulatorIssuers.Contains(issuer, StringComparer.Ordinal)
                ? await ValidateEmulatorTokenAsync(token, emulatorIssuers, cancellationToken)
                : await ValidateChannelTokenAsync(token, activity, cancellationToken);
            if (!outcome.Succeeded)
            {
                LogRefused(outcome.Failure);
            }

            return outcome;
        }
        catch (ArgumentException ex)
        {
            LogRefused(ex.Message);
            return AuthenticationOutcome.Refuse("The bearer token is malformed.");
        }
        catch (InvalidOperationException ex)
        {
            // The key set could not be fetched: nothing can be verified, so nothing is let through.
            LogKeysUnavailable(ex);
            return AuthenticationOutcome.Refuse("The signing keys are not available; try again later.");
        }
    }

    public void Dispose()
    {
        if (_channelKeys.IsValueCreated)
        {
            _channelKeys.Value.Dispose();
        }

        if (_emulatorKeys is { IsValueCreated: true })
        {
            _emulatorKeys.Value.Dispose();
        }
    }

    private AuthenticationOutcome AuthenticateAnonymous(string header, IPAddress? remote)
    {
        // A token cannot be checked without an app id to match its audience: refuse it rather than ignore it.
        if (header.Length > 0)
        {
            return AuthenticationOutcome.Refuse("Credentials were sent, but this bot has no BotFramework:MicrosoftAppId to check them against.");
        }

        // No remote address means an in-process server (tests); anything else must be this machine.
        var local = remote is null || IPAddress.IsLoopback(remote);
        return local || _options.AllowAnonymousRemote
            ? AuthenticationOutcome.Anonymous
            : AuthenticationOutcome.Refuse("Authentication is off (no BotFramework:MicrosoftAppId), so only local callers are accepted.");
    }

    private async Task<AuthenticationOutcome> ValidateChannelTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var keys = _channelKeys.Value;
        var result = await _validator.ValidateAsync(token, keys, _options.EffectiveIssuers, cancellationToken);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return AuthenticationOutcome.Refuse("Token rejected: " + result.Exception?.GetType().Name);
        }

        if (!jwt.Audiences.Contains(_options.MicrosoftAppId, StringComparer.Ordinal))
        {
            return AuthenticationOutcome.Refuse("The token is not for this bot's app id.");
        }

        // The claim binds the token to the serviceUrl in the body, so nobody can make the bot post elsewhere.
        if (activity.ServiceUrl is { Length: > 0 } serviceUrl
            && !(jwt.TryGetPayloadValue<string>("serviceurl", out var claimed) && string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase)))
        {
            return AuthenticationOutcome.Refuse("The token's serviceurl claim does not match the activity's serviceUrl.");
        }

        var endorsements = keys.EndorsementsOf(jwt.SigningKey?.KeyId ?? jwt.Kid);
        if (endorsements.Count > 0 && !endorsements.Contains(activity.ChannelId!, StringComparer.Ordinal))
        {
            return AuthenticationOutcome.Refuse("The signing key is not endorsed for this channel.");
        }

        return AuthenticationOutcome.Azure;
    }

    private async Task<AuthenticationOutcome> ValidateEmulatorTokenAsync(string token, IReadOnlyList<string> issuers, CancellationToken cancellationToken)
    {
        var result = await _validator.ValidateAsync(token, _emulatorKeys!.Value, issuers, cancellationToken);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return AuthenticationOutcome.Refuse("Emulator token rejected: " + result.Exception?.GetType().Name);
        }

        var version = jwt.TryGetPayloadValue<string>("ver", out var ver) ? ver : null;
        var claimName = EmulatorTokens.AppIdClaimName(version);
        return claimName is not null && jwt.TryGetPayloadValue<string>(claimName, out var appId)
            && string.Equals(appId, _options.MicrosoftAppId, StringComparison.Ordinal)
            ? AuthenticationOutcome.Azure
            : AuthenticationOutcome.Refuse("The Emulator token was not issued to this bot's app id.");
    }

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Bot Framework signing keys could not be fetched")]
    private partial void LogKeysUnavailable(Exception exception);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Bot Framework request refused: {Reason}")]
    private partial void LogRefused(string? reason);
}
