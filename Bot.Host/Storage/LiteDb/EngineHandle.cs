using System.Buffers.Binary;
using Bot.Dialogs.Storage;
using LiteDB.Engine;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The LiteDB engine over one database file and its log (<see cref="DurableFiles"/>), with what it takes to make a
/// commit durable and to open the files afresh after a storage fault. Callers serialise access
/// (<see cref="SerializedLiteEngine"/>), except <see cref="MakeDurable"/>, which runs outside their lock.
/// </summary>
internal sealed class EngineHandle : IDisposable
{
    private readonly StorageFaultInjection _faults;
    private Opened? _current;

    public EngineHandle(string path, StorageFaultInjection faults)
    {
        Path = path;
        _faults = faults;
        LiteLogQueue.EnsureSupported();
        _current = Open();
    }

    public string Path { get; }

    /// <summary>The open engine; throws <see cref="StorageUnavailableException"/> when the files could not be opened again.</summary>
    public LiteEngine Engine => (_current ?? throw new StorageUnavailableException("the database files could not be opened")).Engine;

    /// <summary>The open files (for the durability and fault checks of the engine's owner).</summary>
    internal DurableFiles? Files => _current?.Files;

    /// <summary>The write that failed since the files were opened, if any.</summary>
    public IOException? Fault => _current?.Files.Fault;

    /// <summary>Log writes not yet on disk (for tests).</summary>
    public long UnsyncedLogWrites => _current?.Files.UnsyncedLogWrites ?? 0;

    /// <summary>
    /// Returns once what this engine committed is on disk: its log writer has written every queued page, and the
    /// log is flushed. Throws <see cref="StorageUnavailableException"/> when a write failed (nothing is acknowledged).
    /// </summary>
    public void MakeDurable()
    {
        var current = _current ?? throw new StorageUnavailableException("the database files are closed");
        LiteLogQueue.WaitUntilWritten(current.Engine);
        current.Files.SyncLog();
    }

    /// <summary>Closes the engine and its files (a faulted engine included) and opens them again.</summary>
    public void Reopen()
    {
        Close();
        _current = Open();
    }

    public void Dispose() => Close();

    private Opened Open()
    {
        TrimTornTails(Path);
        var files = new DurableFiles(Path, _faults);
        try
        {
            return new Opened(new LiteEngine(new EngineSettings { DataStream = files.Data, LogStream = files.Log }), files);
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    private void Close()
    {
        var current = _current;
        _current = null;
        if (current is null)
        {
            return;
        }

        try
        {
            current.Engine.Dispose();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or LiteDB.LiteException)
        {
            // A faulted engine may fail to close cleanly; its files keep what was durable.
        }

        current.Files.Dispose();
    }

    /// <summary>
    /// A write cut short (a full disk, a crash during a write) can leave a partial page at the end of a file. In the
    /// log it cannot belong to an acknowledged commit (those are fully written and flushed), so it goes. In the data
    /// file it comes from an interrupted checkpoint and goes only when the log still holds that page, which the next
    /// checkpoint then writes again; otherwise it stays, and the integrity check refuses the file.
    /// </summary>
    internal static void TrimTornTails(string path)
    {
        var log = DurableFiles.LogPathOf(path);
        var logPages = new HashSet<uint>();
        if (File.Exists(log))
        {
            using var file = new FileStream(log, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            file.SetLength(file.Length - (file.Length % DurableFiles.PageSize));
            var page = new byte[DurableFiles.PageSize];
            while (file.Position < file.Length)
            {
                file.ReadExactly(page);
                logPages.Add(BinaryPrimitives.ReadUInt32LittleEndian(page));
            }
        }

        if (File.Exists(path))
        {
            using var data = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            var partial = data.Length % DurableFiles.PageSize;
            if (partial != 0 && logPages.Contains((uint)(data.Length / DurableFiles.PageSize)))
            {
                data.SetLength(data.Length - partial);
            }
        }
    }

    private sealed record Opened(LiteEngine Engine, DurableFiles Files);
}
