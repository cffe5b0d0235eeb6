using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// Meta signs each webhook body with HMAC-SHA256 keyed by the app secret (<c>X-Hub-Signature-256: sha256=hex</c>).
/// The hash covers the raw bytes as received, so it is checked before anything parses or re-encodes them.
/// </summary>
internal static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }

    /// <summary>Compares two secrets without leaking, through timing, how much of them matched or their length.</summary>
    public static bool SecretEquals(string? offered, string expected)
    {
        if (offered is null)
        {
            return false;
        }

        var a = SHA256.HashData(Encoding.UTF8.GetBytes(offered));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
