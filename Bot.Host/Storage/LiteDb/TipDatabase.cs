using Bot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The tips' own database file (<c>Storage:TipsDatabaseFile</c>, <c>tips.db</c>), with its own log and its own
/// transactions. In one shared file the log's transaction order tied a tip to the turn that sent it: the tip's
/// transaction sat between two that held the reporter's Direct Line ids, and after a checkpoint its page lay next to
/// the sender's conversation pages (issue 14, finding 8). This file holds tips, their photos and the short-lived
/// receipts of confirmations (<see cref="TipReceipts"/>), and nothing about any sender.
/// </summary>
public sealed class TipDatabase(IOptions<StorageOptions> options, DataFolderLock folderLock, StorageFaultInjection faults, TimeProvider time) : IDisposable
{
    /// <summary>The tips' database, opened like the main one (same lock, same checks, same fault handling).</summary>
    public SinergiDatabase Database { get; } = new(Path(options), folderLock, ownsLock: false, faults, time);

    public void Dispose() => Database.Dispose();

    private static string Path(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value.TipsDatabasePath;
    }
}
