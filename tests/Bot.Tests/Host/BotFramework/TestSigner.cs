using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Tests.Host.BotFramework;

/// <summary>
/// A locally generated RSA signing key published the way Bot Framework publishes its keys: OpenID metadata
/// pointing at a JWKS whose entries carry <c>endorsements</c>. Mints tokens with chosen claims.
/// </summary>
internal sealed class TestSigner : IDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigner(string keyId, params string[] endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
    }

    public string KeyId { get; }

    public IReadOnlyList<string> Endorsements { get; }

    /// <summary>The key as a JWKS entry (public part only).</summary>
    public object Jwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            kty = "RSA",
            use = "sig",
            kid = KeyId,
            n = Base64UrlEncoder.Encode(parameters.Modulus),
            e = Base64UrlEncoder.Encode(parameters.Exponent),
            endorsements = Endorsements,
        };
    }

    public static string KeySet(params TestSigner[] signers) =>
        JsonSerializer.Serialize(new { keys = signers.Select(s => s.Jwk()).ToArray() });

    public static string Metadata(string issuer, Uri keysUri) =>
        JsonSerializer.Serialize(new { issuer, jwks_uri = keysUri.ToString(), id_token_signing_alg_values_supported = new[] { "RS256" } });

    /// <summary>A token valid from <paramref name="notBefore"/> until <paramref name="expires"/>, with the given claims.</summary>
    public string CreateToken(
        string issuer,
        string audience,
        DateTimeOffset notBefore,
        DateTimeOffset expires,
        IDictionary<string, object>? claims = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims ?? new Dictionary<string, object>(),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, algorithm),
        });
    }

    public void Dispose() => _rsa.Dispose();
}
