namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The one place where a storage fault can be made to happen on purpose: every write of the database files passes
/// through it (<see cref="DurableFiles"/>). Nothing in the product sets it. Tests set <see cref="DiskFull"/> to make
/// the real LiteDB engine meet the error a full disk gives (ENOSPC), on its own writer thread as in production;
/// a small tmpfs would need root to mount, which neither the tests nor CI may assume (issue 14, finding 3).
/// </summary>
public sealed class StorageFaultInjection
{
    private const int NoSpaceLeftOnDevice = 28;

    private volatile bool _diskFull;
    private volatile string? _onlyFile;

    /// <summary>While true, every write to a database file fails as on a full disk.</summary>
    public bool DiskFull
    {
        get => _diskFull;
        set => _diskFull = value;
    }

    /// <summary>When set, <see cref="DiskFull"/> applies only to the database file of this name (and its log).</summary>
    public string? OnlyFile
    {
        get => _onlyFile;
        set => _onlyFile = value;
    }

    /// <summary>Throws the error the operating system would give, when a fault is set for <paramref name="databasePath"/>.</summary>
    internal void BeforeWrite(string databasePath)
    {
        if (_diskFull && (_onlyFile is not { } only || Path.GetFileName(databasePath) == only))
        {
            throw new IOException("No space left on device", NoSpaceLeftOnDevice);
        }
    }
}
