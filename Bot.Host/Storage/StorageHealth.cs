namespace Bot.Host.Storage;

/// <summary>Whether a database can write, and if not, why and since when.</summary>
public sealed record StorageHealth(bool IsAvailable, string? Reason, DateTimeOffset? Since)
{
    public static StorageHealth Available { get; } = new(true, null, null);

    public static StorageHealth Unavailable(string reason, DateTimeOffset since) => new(false, reason, since);
}
