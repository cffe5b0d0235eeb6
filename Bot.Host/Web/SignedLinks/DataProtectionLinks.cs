using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Bot.Dialogs.Engine.Protection;
using Microsoft.AspNetCore.DataProtection;

namespace Bot.Host.Web.SignedLinks;

/// <summary>
/// <see cref="ILinkProtector"/> on ASP.NET Core Data Protection, with the expiry inside the protected payload and
/// checked on the injected <see cref="TimeProvider"/>: the framework's <c>ITimeLimitedDataProtector</c> reads the
/// ambient clock, which the project bans (tests move a fake clock). Keys, rotation, encryption, the MAC and purpose
/// isolation are all Data Protection's.
/// </summary>
internal sealed class DataProtectionLinks(IDataProtectionProvider provider, TimeProvider time) : ILinkProtector
{
    private const int MaxTokenChars = 2048;
    private const long MaxUnixSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z, the last second DateTimeOffset holds
    private readonly ConcurrentDictionary<string, IDataProtector> _protectors = new(StringComparer.Ordinal);

    public string Protect(string purpose, string payload, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var text = Encoding.UTF8.GetBytes(payload);
        var plain = new byte[sizeof(long) + text.Length];
        BinaryPrimitives.WriteInt64BigEndian(plain, expiresAt.ToUnixTimeSeconds());
        text.CopyTo(plain, sizeof(long));
        return Base64Url.EncodeToString(For(purpose).Protect(plain));
    }

    public Unprotected Unprotect(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenChars || !Base64Url.IsValid(token))
        {
            return Unprotected.Invalid;
        }

        byte[] plain;
        try
        {
            plain = For(purpose).Unprotect(Base64Url.DecodeFromChars(token));
        }
        catch (CryptographicException)
        {
            // Tampered, another purpose, another key ring, or a revoked key: all the same to the caller.
            return Unprotected.Invalid;
        }

        if (plain.Length < sizeof(long) || BinaryPrimitives.ReadInt64BigEndian(plain) is < 0 or > MaxUnixSeconds)
        {
            return Unprotected.Invalid;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(plain));
        var payload = Encoding.UTF8.GetString(plain.AsSpan(sizeof(long)));
        return new Unprotected(expires > time.GetUtcNow() ? ProtectedState.Valid : ProtectedState.Expired, payload, expires);
    }

    private IDataProtector For(string purpose) => _protectors.GetOrAdd(purpose, provider.CreateProtector);
}
