using Bot.Dialogs.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// A LiteDB database of this process (DESIGN.md decision 4): one file, Direct mode, an explicit mapper. The main
/// database (this type, from <c>Storage</c>) holds everything but the tips, which have a file of their own
/// (<see cref="TipDatabase"/>). Every thread shares it; <see cref="SerializedLiteEngine"/> lets one call (or
/// one transaction) at a time into the engine, because LiteDB 5.0.x is not safe with concurrent writers to
/// different collections.
/// </summary>
/// <remarks>
/// Opening it takes the data folder's lock (<see cref="DataFolderLock"/>, one process per folder) and checks the
/// file (<see cref="DatabaseIntegrity"/>): a damaged file throws <see cref="DatabaseDamagedException"/> and is not
/// served. A full disk or an I/O error later makes it unavailable until a write succeeds again (<see cref="Health"/>).
/// </remarks>
public sealed class SinergiDatabase : IDisposable, IStorageTransactions
{
    private readonly LiteDatabase _database;
    private readonly SerializedLiteEngine _engine;
    private readonly StagingLiteEngine _staging;
    private readonly AsyncLocal<StagedWrites?> _openUnit = new();
    private readonly EngineHandle _handle;
    private readonly DataFolderLock? _ownedLock;
    private readonly ThreadLocal<List<Action>?> _afterCommit = new();
    private readonly ThreadLocal<List<Action>?> _afterRollback = new();
    private readonly List<Action> _onReopened = [];

    /// <summary>Opens the main database alone (tests and tools): it takes the folder's lock itself.</summary>
    public SinergiDatabase(IOptions<StorageOptions> options)
        : this(Require(options).DatabasePath, DataFolderLock.Acquire(options.Value.DataDirectory), ownsLock: true, new StorageFaultInjection(), TimeProvider.System)
    {
    }

    /// <summary>Opens the main database in a host, under the process's lock of the data folder.</summary>
    public SinergiDatabase(IOptions<StorageOptions> options, DataFolderLock folderLock, StorageFaultInjection faults, TimeProvider time)
        : this(Require(options).DatabasePath, folderLock, ownsLock: false, faults, time)
    {
    }

    internal SinergiDatabase(string path, DataFolderLock folderLock, bool ownsLock, StorageFaultInjection faults, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(folderLock);
        _ownedLock = ownsLock ? folderLock : null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            EngineHandle.TrimTornTails(path);
            if (File.Exists(path) && DatabaseIntegrity.CheckPages(path) is { } problem)
            {
                throw new DatabaseDamagedException(path, problem);
            }

            if (File.Exists(path))
            {
                VerifyDocuments(path, faults);
            }

            Mapper = SinergiMapper.Create();
            _handle = new EngineHandle(path, faults);
            _engine = new SerializedLiteEngine(_handle, WriteCounters, time, Reopened);
            _staging = new StagingLiteEngine(_engine, () => _openUnit.Value);
            _database = new LiteDatabase(_staging, Mapper);
            Path = path;
        }
        catch
        {
            _handle?.Dispose();
            _ownedLock?.Dispose();
            throw;
        }
    }

    /// <summary>Log writes not yet flushed to disk; 0 whenever no call is writing (for tests).</summary>
    internal long UnsyncedLogWrites => _handle.UnsyncedLogWrites;

    /// <summary>Bumped on every write per collection; what the read caches check (see <see cref="CollectionWriteCounters"/>).</summary>
    internal CollectionWriteCounters WriteCounters { get; } = new();

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>The mapper every collection of this database uses.</summary>
    public BsonMapper Mapper { get; }

    /// <summary>The raw database, for stores in this assembly and the host.</summary>
    public ILiteDatabase Raw => _database;

    /// <summary>Whether the database can write now (not after a full disk or an I/O error until a write succeeds again).</summary>
    public StorageHealth Health => _engine.Health;

    /// <summary>
    /// The health after a probe write when one is due: a readiness check calling this is enough for the database to
    /// notice that the disk writes again.
    /// </summary>
    public StorageHealth CheckHealth() => _engine.CheckHealth();

    /// <summary>A typed collection.</summary>
    public ILiteCollection<T> Collection<T>(string name) => _database.GetCollection<T>(name);

    /// <summary>File storage for evidence and photos.</summary>
    public ILiteStorage<string> Files => _database.FileStorage;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. LiteDB transactions are per thread, so the work must
    /// stay synchronous; a throw rolls everything back.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);

        // Inside a unit of work nothing is written yet: the section is a savepoint of the unit.
        if (_openUnit.Value is { } unit && _afterCommit.Value is null)
        {
            unit.Savepoint();
            try
            {
                var staged = work();
                unit.Release();
                return staged;
            }
            catch
            {
                unit.RollBack();
                throw;
            }
        }

        // LiteDB has no nested transactions: inside an open one on this thread, join it.
        if (!_database.BeginTrans())
        {
            return work();
        }

        var afterCommit = new List<Action>();
        _afterCommit.Value = afterCommit;
        _afterRollback.Value = null;
        try
        {
            var result = work();
            _database.Commit();
            _afterCommit.Value = null;
            _afterRollback.Value = null;
            foreach (var action in afterCommit)
            {
                action();
            }

            return result;
        }
        catch
        {
            if (_afterCommit.Value is not null)
            {
                _afterCommit.Value = null;
                _database.Rollback();
                var afterRollback = _afterRollback.Value;
                _afterRollback.Value = null;
                afterRollback?.ForEach(action => action());
            }

            throw;
        }
    }

    T IStorageTransactions.Run<T>(Func<T> work) => InTransaction(work);

    void IStorageTransactions.Run(Action work) => InTransaction(work);

    /// <summary>
    /// Whether a read of <paramref name="collection"/> here sees committed data only: not inside a transaction on this
    /// thread, nor in a unit of work that wrote to it. Only such reads may fill a cache of committed data.
    /// </summary>
    internal bool ReadsCommitted(string collection) => _afterCommit.Value is null && _openUnit.Value?.Touches(collection) != true;

    /// <summary>The unit of work open in this async flow, whose writes are staged (<see cref="LiteDbUnitOfWork"/>).</summary>
    internal StagedWrites? OpenUnit
    {
        get => _openUnit.Value;
        set => _openUnit.Value = value;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own that commits at once, even inside a unit of work: for
    /// numbers handed out like a database sequence (a commitment's code), which must not make concurrent units
    /// conflict and may leave a gap when the unit that took one does not commit.
    /// </summary>
    internal T Immediately<T>(Func<T> work)
    {
        var unit = _openUnit.Value;
        _openUnit.Value = null;
        try
        {
            return InTransaction(work);
        }
        finally
        {
            _openUnit.Value = unit;
        }
    }

    /// <summary>Records, in the open unit of work if any, what a document read from a cache held (see <see cref="StagedWrites.RememberRead"/>).</summary>
    internal void RememberRead(string collection, BsonDocument stored) => _openUnit.Value?.RememberRead(collection, stored);

    /// <summary>As <see cref="RememberRead"/>, with the document's stamp computed when it was held (<see cref="StagedWrites.StampOf"/>).</summary>
    internal void RememberStamp(string collection, BsonValue id, byte[] stamp) => _openUnit.Value?.RememberStamp(collection, id, stamp);

    /// <summary>
    /// Inserts an entity whose id no committed document can hold yet (see <see cref="StagingLiteEngine.InsertFresh"/>):
    /// inside a unit of work it is staged without a read for its id, and the commit checks it.
    /// </summary>
    internal void InsertFresh<T>(string collection, T entity) => _staging.InsertFresh(collection, Mapper.ToDocument(entity));

    /// <summary>Writes a unit's staged documents inside the current transaction (the group commit's), checking each against what is stored.</summary>
    internal void Apply(StagedWrites staged)
    {
        _staging.Apply(staged);
        foreach (var write in staged.WithCommit)
        {
            write();
        }

        foreach (var action in staged.AfterCommit)
        {
            AfterCommit(action);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the current thread's transaction (or the open unit of work) has committed,
    /// or at once when neither is open (the write before it committed by itself). Nothing runs after a rollback: caches of
    /// committed data update here.
    /// </summary>
    internal void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_afterCommit.Value is { } pending)
        {
            pending.Add(action);
        }
        else if (_openUnit.Value is { } unit)
        {
            unit.OnCommitted(action);
        }
        else
        {
            action();
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> if the current thread's transaction rolls back: for what a store holds in memory
    /// from the moment it writes, before the commit (a claim, <see cref="LiteDbReminderClaims"/>). Outside a
    /// transaction of this thread there is nothing to undo and it is never run.
    /// </summary>
    internal void AfterRollback(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_afterCommit.Value is not null)
        {
            (_afterRollback.Value ??= []).Add(action);
        }
    }

    /// <summary>
    /// Runs <paramref name="clear"/> whenever the files were opened afresh after a storage fault: a store that keeps
    /// committed data in memory forgets it then, as a write it saw may not have reached the disk.
    /// </summary>
    internal void OnReopened(Action clear)
    {
        ArgumentNullException.ThrowIfNull(clear);
        lock (_onReopened)
        {
            _onReopened.Add(clear);
        }
    }

    /// <inheritdoc cref="InTransaction{T}(Func{T})"/>
    public void InTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        InTransaction(() =>
        {
            work();
            return true;
        });
    }

    /// <summary>
    /// A consistent copy of the database into <paramref name="targetFile"/> while it keeps serving: the engine is
    /// held for the copy, after a checkpoint has moved every committed page into the data file. Returns the
    /// documents per collection of the copy, read back through a fresh engine.
    /// </summary>
    public IReadOnlyDictionary<string, long> BackupTo(string targetFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetFile);
        _engine.Exclusive(() =>
        {
            DatabaseFiles.CopyDurably(Path, targetFile);
            return true;
        });
        return DatabaseFiles.Count(targetFile);
    }

    public void Dispose()
    {
        _database.Dispose();
        _afterCommit.Dispose();
        _afterRollback.Dispose();
        _ownedLock?.Dispose();
    }

    /// <summary>
    /// Reads every document once before the database is opened for use, so a damaged file is refused at start rather
    /// than failing turns later. The read runs on an engine of its own that is closed afterwards: LiteDB keeps every
    /// page it reads in its engine's cache, so reading through the engine the host keeps left the whole file in memory
    /// (a 100,000-commitment plan held 2-4 GB before the first sweep; BENCHMARKS.md, reminders, session 13).
    /// </summary>
    private static void VerifyDocuments(string path, StorageFaultInjection faults)
    {
        try
        {
            using var check = new EngineHandle(path, faults);
            DatabaseIntegrity.ReadEverything(check.Engine);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or LiteException or InvalidCastException or IOException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            var cause = ex is StorageUnavailableException { InnerException: { } inner } ? inner : ex;
            throw new DatabaseDamagedException(path, "a document could not be read: " + cause.Message, cause);
        }
    }

    private void Reopened()
    {
        lock (_onReopened)
        {
            foreach (var clear in _onReopened)
            {
                clear();
            }
        }
    }

    private static StorageOptions Require(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value;
    }
}
