using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// The checks every Bot Framework token path shares: an accepted issuer, a signature by a published key with
/// RS256, RS384 or RS512 only, and a lifetime valid on the injected clock with five minutes of skew. The audience
/// and path-specific claims are left to the caller, as the SDK does.
/// </summary>
internal sealed class SignedTokenValidator(TimeProvider time)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new();

    public async Task<TokenValidationResult> ValidateAsync(string token, OpenIdSigningKeys keys, IReadOnlyList<string> issuers, CancellationToken cancellationToken)
    {
        // Fetching the keys is the only slow part; doing it here lets the request's cancellation reach it.
        await keys.Manager.GetConfigurationAsync(cancellationToken);
        var parameters = new TokenValidationParameters
        {
            ConfigurationManager = keys.Manager,
            ValidateIssuer = true,
            IssuerValidator = (issuer, _, _) => issuers.Contains(issuer, StringComparer.Ordinal)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException("The token's issuer is not accepted."),
            // The audience and the Bot Framework claims are checked by hand afterwards, as the SDK does.
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = AllowedAlgorithms,
            LifetimeValidator = ValidateLifetime,
        };
        return await _handler.ValidateTokenAsync(token, parameters).WaitAsync(cancellationToken);
    }

    /// <summary>nbf/exp against the injected clock, with the five minutes of skew Bot Framework allows.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        if (notBefore is { } start && start > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.");
        }

        return expires.Value >= now - ClockSkew
            ? true
            : throw new SecurityTokenExpiredException("The token has expired.");
    }
}
