using Bot.Dialogs.Storage;
namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The database's two files, opened by us instead of LiteDB. LiteDB opens its log with write-through, which on
/// Linux costs one fsync per 8 KB page: about seven per turn, each taken while every other turn waits for the
/// engine (BENCHMARKS.md "Load"). Here the log is written without write-through and <see cref="SyncLog"/> makes it
/// durable with one fsync after each commit, outside the engine's lock, shared by every commit that finished while
/// it ran (group commit). The data file is still flushed to disk whenever LiteDB flushes it (checkpoints).
/// </summary>
/// <remarks>
/// A failed write (a full disk, an I/O error) is remembered and not shown to LiteDB (issue 14, finding 3): LiteDB
/// 5.0.x closes itself for good on an I/O error from its writer thread, and may hang doing so. From the first
/// failure on, every write, flush and truncation of these files is dropped, so the files keep what was durable
/// before; <see cref="SyncLog"/> then throws, no commit is acknowledged, and the owner opens the files afresh.
/// </remarks>
internal sealed class DurableFiles : IDisposable
{
    public const int PageSize = 8192;

    private readonly FileStream _dataFile;
    private readonly FileStream _logFile;
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _logHandle;
    private readonly StorageFaultInjection _faults;
    private readonly Lock _syncGate = new();
    private readonly string _logPath;
    private readonly string _databasePath;
    private long _written;
    private long _synced;
    private volatile IOException? _fault;

    public DurableFiles(string databasePath, StorageFaultInjection faults)
    {
        _faults = faults;
        _databasePath = databasePath;
        _logPath = LogPathOf(databasePath);
        _dataFile = Open(databasePath);
        _logFile = Open(_logPath);
        _logHandle = _logFile.SafeFileHandle;
        Data = new PassThroughStream(this, _dataFile, onWrite: null, syncOnFlush: true);
        Log = new PassThroughStream(this, _logFile, onWrite: () => Interlocked.Increment(ref _written), syncOnFlush: false);
    }

    public Stream Data { get; }

    public Stream Log { get; }

    /// <summary>The first write that failed; null while every write succeeded.</summary>
    public IOException? Fault => _fault;

    /// <summary>Log writes not yet known to be on disk (0 right after <see cref="SyncLog"/>).</summary>
    public long UnsyncedLogWrites => Interlocked.Read(ref _written) - Interlocked.Read(ref _synced);

    /// <summary>LiteDB's name for a database file's log: "sinergi.db" has "sinergi-log.db".</summary>
    public static string LogPathOf(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(databasePath)!, Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));

    /// <summary>
    /// Returns once every log write completed before this call is on disk; one fsync serves many callers. Throws
    /// <see cref="StorageUnavailableException"/> when a write failed: then nothing since is durable.
    /// </summary>
    public void SyncLog()
    {
        ThrowIfFaulted();
        var target = Interlocked.Read(ref _written);
        if (target > Interlocked.Read(ref _synced))
        {
            lock (_syncGate)
            {
                if (target > _synced)
                {
                    var upTo = Interlocked.Read(ref _written);
                    try
                    {
                        RandomAccess.FlushToDisk(_logHandle);
                    }
                    catch (Exception ex) when (ex is IOException or ObjectDisposedException)
                    {
                        Remember(ex as IOException ?? new IOException("The log file was closed during a flush.", ex));
                    }

                    Interlocked.Exchange(ref _synced, upTo);
                }
            }
        }

        ThrowIfFaulted();
    }

    public void Dispose()
    {
        var emptyLog = _fault is null && _logFile.Length == 0;
        _dataFile.Dispose();
        _logFile.Dispose();
        if (emptyLog)
        {
            File.Delete(_logPath); // as LiteDB does with its own log after a clean close
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fault is { } fault)
        {
            throw new StorageUnavailableException(fault.Message, fault);
        }
    }

    private void Remember(IOException fault) => Interlocked.CompareExchange(ref _fault, fault, null);

    // Unbuffered (every Write reaches the OS at once), shared for reading only, like LiteDB's own files.
    private static FileStream Open(string path) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
            BufferSize = 0,
            Options = FileOptions.RandomAccess,
        });

    /// <summary>A file stream that counts completed writes, decides what a flush means, and stops at the first fault.</summary>
    private sealed class PassThroughStream(DurableFiles owner, FileStream inner, Action? onWrite, bool syncOnFlush) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override void Flush() => Guarded(() => inner.Flush(flushToDisk: syncOnFlush));

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => Guarded(() => inner.SetLength(value));

        public override void Write(byte[] buffer, int offset, int count) => Guarded(() =>
        {
            owner._faults.BeforeWrite(owner._databasePath);
            inner.Write(buffer, offset, count);
            onWrite?.Invoke();
        });

        private void Guarded(Action change)
        {
            if (owner._fault is not null)
            {
                return; // after a failed write nothing more is written: the files keep what was durable
            }

            try
            {
                change();
            }
            catch (IOException ex)
            {
                owner.Remember(ex);
            }
        }
    }
}
