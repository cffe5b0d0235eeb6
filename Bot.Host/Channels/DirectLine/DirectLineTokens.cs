using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Host.Channels.DirectLine;

/// <summary>What a valid token grants: one conversation, as one user, until it expires.</summary>
internal sealed record DirectLineGrant(string ConversationId, string UserId, string? UserName, DateTimeOffset ExpiresAt);

/// <summary>A freshly issued token.</summary>
internal sealed record IssuedToken(string Token, DirectLineGrant Grant, int ExpiresInSeconds);

/// <summary>Why a token was refused.</summary>
internal enum TokenFailure
{
    None,
    Missing,
    Invalid,
    Expired,
}

/// <summary>
/// Issues and checks Direct Line tokens: HS256 JWTs bound to one conversation and one user, written and validated by
/// <see cref="JsonWebTokenHandler"/>. The JWT form matters: Web Chat reads the <c>user</c> claim and adopts that id,
/// so the client and the server agree on who is talking. Lifetimes are checked on the injected clock, with no skew
/// (one host issues and checks them).
/// </summary>
internal sealed class DirectLineTokens : IDisposable
{
    /// <summary>How many verified tokens are remembered (each a few hundred bytes); beyond it the oldest are verified again.</summary>
    private const int VerifiedTokensKept = 50_000;

    private const int MaxTokenBytes = 4096;
    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";
    private const string NameClaim = "name";

    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaxTokenBytes, SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;
    private readonly IOptions<DirectLineOptions> _options;

    // A token is verified once: its signature and claims never change, so a later request with the same string only
    // needs its expiry checked again. Web Chat sends the same token with every post and poll.
    private readonly MemoryCache _verified = new(new MemoryCacheOptions { SizeLimit = VerifiedTokensKept });

    public DirectLineTokens(DirectLineSigningKey key, TimeProvider time, IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(key);
        _time = time;
        _options = options;
        var signingKey = new SymmetricSecurityKey(key.Bytes);
        _credentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            IssuerSigningKey = signingKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            LifetimeValidator = ValidateLifetime,
        };
    }

    public IssuedToken Issue(string conversationId, string userId, string? userName)
    {
        var now = _time.GetUtcNow();
        var lifetime = _options.Value.TokenLifetime;

        // Whole seconds, as the token carries them, so the grant says exactly what a later check will enforce.
        var expires = DateTimeOffset.FromUnixTimeSeconds((now + lifetime).ToUnixTimeSeconds());
        var claims = new Dictionary<string, object> { [ConversationClaim] = conversationId, [UserClaim] = userId };
        if (userName is not null)
        {
            claims[NameClaim] = userName;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
        });
        return new IssuedToken(token, new DirectLineGrant(conversationId, userId, userName, expires), (int)lifetime.TotalSeconds);
    }

    /// <summary>Checks signature, algorithm and expiry; never throws on garbage.</summary>
    public async Task<(TokenFailure Failure, DirectLineGrant? Grant)> ReadAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (TokenFailure.Missing, null);
        }

        if (_verified.TryGetValue(token, out DirectLineGrant? known) && known is not null)
        {
            return known.ExpiresAt > _time.GetUtcNow() ? (TokenFailure.None, known) : (TokenFailure.Expired, null);
        }

        var result = await _handler.ValidateTokenAsync(token, _validation).WaitAsync(cancellationToken);
        if (!result.IsValid)
        {
            return (result.Exception is SecurityTokenExpiredException ? TokenFailure.Expired : TokenFailure.Invalid, null);
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversation) || string.IsNullOrEmpty(conversation)
            || !jwt.TryGetPayloadValue<string>(UserClaim, out var user) || string.IsNullOrEmpty(user))
        {
            return (TokenFailure.Invalid, null);
        }

        var name = jwt.TryGetPayloadValue<string>(NameClaim, out var value) ? value : null;
        var grant = new DirectLineGrant(conversation, user, name, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        _verified.Set(token, grant, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return (TokenFailure.None, grant);
    }

    public void Dispose() => _verified.Dispose();

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters) =>
        expires is { } end && end > _time.GetUtcNow().UtcDateTime
            ? true
            : throw new SecurityTokenExpiredException("The token has expired.");
}
