using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The web chat's device credentials (collection <c>directline_devices</c>): a random secret kept by the browser in
/// an HttpOnly cookie (<see cref="DeviceCookie"/>), stored here only as its SHA-256, mapped to one stable Direct Line
/// user id. Every token the page gets on that device carries that id, so a new tab or a browser restart is the same
/// channel account, hence the same person with the same role, while each tab may still open a conversation of its
/// own. Revoked by "keluar" (<see cref="DirectLineSignOut"/>); expires after <see cref="DirectLineOptions.DeviceLifetime"/>
/// without use.
/// </summary>
internal sealed class DeviceCredentials(IDeviceStore devices, TimeProvider time, IOptions<DirectLineOptions> options)
{
    /// <summary>Sliding expiry is written at most this often, not on every token.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromHours(12);

    /// <summary>A new device: the secret for the cookie (never stored) and its record.</summary>
    public (string Secret, DirectLineDevice Device) Create()
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var device = new DirectLineDevice
        {
            Id = Hash(secret),
            UserId = "dl_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + options.Value.DeviceLifetime,
        };
        devices.Insert(device);
        return (secret, device);
    }

    /// <summary>The live device behind a cookie's secret (not revoked, not expired), its expiry slid forward; else null.</summary>
    public DirectLineDevice? Use(string? secret)
    {
        if (secret is not { Length: > 0 and <= 128 })
        {
            return null;
        }

        var device = devices.Find(Hash(secret));
        var now = time.GetUtcNow().UtcDateTime;
        if (device is null || device.RevokedAt is not null || device.ExpiresAt <= now)
        {
            return null;
        }

        if (now - device.LastSeenAt >= TouchInterval)
        {
            device.LastSeenAt = now;
            device.ExpiresAt = now + options.Value.DeviceLifetime;
            devices.Update(device);
        }

        return device;
    }

    /// <summary>True when the Direct Line user id belongs to a device that was signed out.</summary>
    public bool IsRevoked(string userId) => devices.IsRevoked(userId);

    /// <summary>Revokes every device of that Direct Line user id (the caller's transaction, when one is open).</summary>
    public int Revoke(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var revoked = 0;
        foreach (var device in devices.ListActive(userId))
        {
            device.RevokedAt = now;
            devices.Update(device);
            revoked++;
        }

        return revoked;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}
