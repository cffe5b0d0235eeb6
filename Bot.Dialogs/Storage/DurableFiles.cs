namespace Bot.Dialogs.Storage;

/// <summary>
/// The database's two files, opened by us instead of LiteDB. LiteDB opens its log with write-through, which on
/// Linux costs one fsync per 8 KB page: about seven per turn, each taken while every other turn waits for the
/// engine (BENCHMARKS.md "Load"). Here the log is written without write-through and <see cref="SyncLog"/> makes it
/// durable with one fsync after each commit, outside the engine's lock, shared by every commit that finished while
/// it ran (group commit). The data file is still flushed to disk whenever LiteDB flushes it (checkpoints).
/// </summary>
internal sealed class DurableFiles : IDisposable
{
    private readonly FileStream _dataFile;
    private readonly FileStream _logFile;
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _logHandle;
    private readonly Lock _syncGate = new();
    private readonly string _logPath;
    private long _written;
    private long _synced;

    public DurableFiles(string databasePath)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        _logPath = Path.Combine(folder, Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));
        _dataFile = Open(databasePath);
        _logFile = Open(_logPath);
        _logHandle = _logFile.SafeFileHandle;
        Data = new PassThroughStream(_dataFile, onWrite: null, syncOnFlush: true);
        Log = new PassThroughStream(_logFile, onWrite: () => Interlocked.Increment(ref _written), syncOnFlush: false);
    }

    public Stream Data { get; }

    public Stream Log { get; }

    /// <summary>Log writes not yet known to be on disk (0 right after <see cref="SyncLog"/>).</summary>
    public long UnsyncedLogWrites => Interlocked.Read(ref _written) - Interlocked.Read(ref _synced);

    /// <summary>Returns once every log write completed before this call is on disk; one fsync serves many callers.</summary>
    public void SyncLog()
    {
        var target = Interlocked.Read(ref _written);
        if (target <= Interlocked.Read(ref _synced))
        {
            return;
        }

        lock (_syncGate)
        {
            if (target <= _synced)
            {
                return; // someone else's fsync, started after our write, covered it
            }

            var upTo = Interlocked.Read(ref _written);
            RandomAccess.FlushToDisk(_logHandle);
            Interlocked.Exchange(ref _synced, upTo);
        }
    }

    public void Dispose()
    {
        var emptyLog = _logFile.Length == 0;
        _dataFile.Dispose();
        _logFile.Dispose();
        if (emptyLog)
        {
            File.Delete(_logPath); // as LiteDB does with its own log after a clean close
        }
    }

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

    /// <summary>A file stream that counts completed writes and decides what a flush means.</summary>
    private sealed class PassThroughStream(FileStream inner, Action? onWrite, bool syncOnFlush) : Stream
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

        public override void Flush() => inner.Flush(flushToDisk: syncOnFlush);

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            onWrite?.Invoke();
        }
    }
}
