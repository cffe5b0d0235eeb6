using System.Buffers.Text;
using System.Security.Cryptography;
using Bot.Host.Storage.LiteDb;
using LiteDB;
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
internal sealed class DeviceCredentials(SinergiDatabase database, TimeProvider time, IOptions<DirectLineOptions> options)
{
    private const string CollectionName = "directline_devices";

    /// <summary>Sliding expiry is written at most this often, not on every token.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromHours(12);

    private readonly ILiteCollection<Device> _devices = CreateCollection(database);

    /// <summary>A new device: the secret for the cookie (never stored) and its record.</summary>
    public (string Secret, Device Device) Create()
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var device = new Device
        {
            Id = Hash(secret),
            UserId = "dl_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + options.Value.DeviceLifetime,
        };
        _devices.Insert(device);
        return (secret, device);
    }

    /// <summary>The live device behind a cookie's secret (not revoked, not expired), its expiry slid forward; else null.</summary>
    public Device? Use(string? secret)
    {
        if (secret is not { Length: > 0 and <= 128 })
        {
            return null;
        }

        var device = _devices.FindById(Hash(secret));
        var now = time.GetUtcNow().UtcDateTime;
        if (device is null || device.RevokedAt is not null || device.ExpiresAt <= now)
        {
            return null;
        }

        if (now - device.LastSeenAt >= TouchInterval)
        {
            device.LastSeenAt = now;
            device.ExpiresAt = now + options.Value.DeviceLifetime;
            _devices.Update(device);
        }

        return device;
    }

    /// <summary>True when the Direct Line user id belongs to a device that was signed out.</summary>
    public bool IsRevoked(string userId) => _devices.Exists(d => d.UserId == userId && d.RevokedAt != null);

    /// <summary>Revokes every device of that Direct Line user id (the caller's transaction, when one is open).</summary>
    public int Revoke(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var revoked = 0;
        foreach (var device in _devices.Find(d => d.UserId == userId && d.RevokedAt == null).ToList())
        {
            device.RevokedAt = now;
            _devices.Update(device);
            revoked++;
        }

        return revoked;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    private static ILiteCollection<Device> CreateCollection(SinergiDatabase database)
    {
        var devices = database.Collection<Device>(CollectionName);
        devices.EnsureIndex(d => d.UserId);
        return devices;
    }

    /// <summary>One browser: the hash of its secret, the Direct Line user id it speaks as, and its lifetime.</summary>
    internal sealed class Device
    {
        public string Id { get; set; } = string.Empty;
        public string UserId { get; set; } = string.Empty;
        public DateTime CreatedAt { get; set; }
        public DateTime LastSeenAt { get; set; }
        public DateTime ExpiresAt { get; set; }
        public DateTime? RevokedAt { get; set; }
    }
}
