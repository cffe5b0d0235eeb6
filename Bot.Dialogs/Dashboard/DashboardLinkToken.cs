using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Dialogs.Dashboard;

/// <summary>
/// The signed content of a sign-in link: a random id (for single use), the user and the expiry, as
/// <c>base64url(payload).base64url(HMAC-SHA256(payload))</c>. Nothing secret is inside; the MAC prevents forgery.
/// </summary>
internal sealed record DashboardLinkToken(string TokenId, string UserId, DateTimeOffset ExpiresAt)
{
    private const byte Version = 1;
    private const int IdBytes = 16;

    public string Sign(byte[] key)
    {
        var user = Encoding.UTF8.GetBytes(UserId);
        var payload = new byte[1 + IdBytes + sizeof(long) + user.Length];
        payload[0] = Version;
        Convert.FromHexString(TokenId).CopyTo(payload, 1);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1 + IdBytes), ExpiresAt.ToUnixTimeSeconds());
        user.CopyTo(payload, 1 + IdBytes + sizeof(long));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The token when its MAC is valid and it is well formed; null otherwise (expiry is not checked here).</summary>
    public static DashboardLinkToken? Verify(string? token, byte[] key)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 2 } || Decode(parts[0]) is not { } payload || Decode(parts[1]) is not { } mac)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), mac)
            || payload.Length <= 1 + IdBytes + sizeof(long) || payload[0] != Version)
        {
            return null;
        }

        var id = Convert.ToHexString(payload, 1, IdBytes);
        var expires = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1 + IdBytes));
        var user = Encoding.UTF8.GetString(payload.AsSpan(1 + IdBytes + sizeof(long)));
        return new DashboardLinkToken(id, user, DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    private static byte[]? Decode(string text)
    {
        if (text.Length is 0 or > 1024 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        return Base64Url.TryDecodeFromChars(text, buffer, out var written) ? buffer[..written] : null;
    }

    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(IdBytes));
}
