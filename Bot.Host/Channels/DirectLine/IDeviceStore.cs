namespace Bot.Host.Channels.DirectLine;

/// <summary>The web chat's devices (<see cref="DeviceCredentials"/>), by the hash of their secret.</summary>
internal interface IDeviceStore
{
    void Insert(DirectLineDevice device);

    DirectLineDevice? Find(string id);

    void Update(DirectLineDevice device);

    /// <summary>True when a device of that Direct Line user id was signed out.</summary>
    bool IsRevoked(string userId);

    /// <summary>The devices of that Direct Line user id not signed out yet.</summary>
    IReadOnlyList<DirectLineDevice> ListActive(string userId);
}

/// <summary>One browser: the hash of its secret, the Direct Line user id it speaks as, and its lifetime.</summary>
internal sealed class DirectLineDevice
{
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
