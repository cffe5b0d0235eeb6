using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

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
/// Issues and checks Direct Line tokens: HS256 JWTs bound to one conversation and one user. The JWT form matters:
/// Web Chat reads the <c>user</c> claim and adopts that id, so the client and the server agree on who is talking.
/// </summary>
internal sealed class DirectLineTokens(DirectLineSigningKey key, TimeProvider time, IOptions<DirectLineOptions> options)
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public IssuedToken Issue(string conversationId, string userId, string? userName)
    {
        var now = time.GetUtcNow();
        var lifetime = options.Value.TokenLifetime;
        var expires = now + lifetime;
        var claims = new Claims(conversationId, userId, userName, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds());
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signed = Header + "." + payload;
        var token = signed + "." + Base64Url.EncodeToString(Sign(signed));
        var grant = new DirectLineGrant(conversationId, userId, userName, DateTimeOffset.FromUnixTimeSeconds(claims.Exp));
        return new IssuedToken(token, grant, (int)lifetime.TotalSeconds);
    }

    /// <summary>Checks signature and expiry; never throws on garbage.</summary>
    public TokenFailure TryRead(string? token, out DirectLineGrant? grant)
    {
        grant = null;
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenFailure.Missing;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header || token.Length > 4096)
        {
            return TokenFailure.Invalid;
        }

        var expected = Sign(parts[0] + "." + parts[1]);
        var actual = new byte[Base64Url.GetMaxDecodedLength(parts[2].Length)];
        if (!Base64Url.TryDecodeFromChars(parts[2], actual, out var written)
            || !CryptographicOperations.FixedTimeEquals(expected, actual.AsSpan(0, written)))
        {
            return TokenFailure.Invalid;
        }

        var claims = ReadClaims(parts[1]);
        if (claims is not { Conv.Length: > 0, User.Length: > 0 })
        {
            return TokenFailure.Invalid;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.Exp);
        if (expires <= time.GetUtcNow())
        {
            return TokenFailure.Expired;
        }

        grant = new DirectLineGrant(claims.Conv, claims.User, claims.Name, expires);
        return TokenFailure.None;
    }

    private byte[] Sign(string headerAndPayload) => HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(headerAndPayload));

    private static Claims? ReadClaims(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Claims>(Base64Url.DecodeFromChars(payload));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record Claims(
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp);
}
