using Bot.Dialogs.Storage;
using LiteDB.Engine;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Lets one thread at a time into the LiteDB engine. LiteDB 5.0.20 corrupts its free-page list when two threads
/// write to different collections at once ("empty page must be defined as empty type", LiteDB issues 2503 and
/// 2825, fixed only after 5.0.x); the load benchmark hit it within seconds at 16 concurrent conversations, after
/// which every call failed. An explicit transaction keeps the lock from BeginTrans to Commit or Rollback (LiteDB
/// transactions are per thread, and <see cref="SinergiDatabase.InTransaction{T}(Func{T})"/> is synchronous), and
/// query results are read while the lock is held so that no page is read lazily beside a writer. After every call
/// that may have written, and outside the lock, the log is made durable (<see cref="EngineHandle.MakeDurable"/>),
/// so a call returns only once what it committed is on disk.
/// </summary>
/// <remarks>
/// Storage faults (issue 14, finding 3). A failed write or an I/O error marks the database unavailable
/// (<see cref="Health"/>), the files are opened afresh at once so that reads go on, and every write fails fast with
/// <see cref="StorageUnavailableException"/> without touching LiteDB. At most every <see cref="ProbeInterval"/>, a
/// write (or <see cref="CheckHealth"/>, the readiness endpoint) first tries a small probe write; when it is durable,
/// the database is available again, without a restart.
/// </remarks>
internal sealed class SerializedLiteEngine(EngineHandle handle, CollectionWriteCounters counters, TimeProvider time, Action reopened) : ILiteEngine
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);
    private const string ProbeCollection = "_storage_probe";

    private readonly Lock _gate = new();

    // Explicit transactions holding the gate; only the holding thread can see this above zero (it keeps the lock).
    private int _transactionHolds;
    private volatile StorageHealth _health = StorageHealth.Available;
    private DateTimeOffset _nextProbe;

    /// <summary>Whether the database can write now, and if not since when and why.</summary>
    public StorageHealth Health => _health;

    /// <summary>The health after a probe write, when one is due; the readiness endpoint drives recovery this way.</summary>
    public StorageHealth CheckHealth()
    {
        if (_health.IsAvailable)
        {
            return _health;
        }

        lock (_gate)
        {
            TryRecover();
        }

        return _health;
    }

    public bool BeginTrans()
    {
        _gate.Enter();
        bool started;
        try
        {
            EnsureWritable();
            started = Faulting(() => handle.Engine.BeginTrans());
        }
        catch
        {
            _gate.Exit();
            throw;
        }

        if (started)
        {
            _transactionHolds++;
        }
        else
        {
            _gate.Exit(); // joined the thread's open transaction, which already holds the lock
        }

        return started;
    }

    public bool Commit()
    {
        var committed = EndTransaction(() => Faulting(() => handle.Engine.Commit()));
        if (!_gate.IsHeldByCurrentThread)
        {
            MakeDurable();
        }

        return committed;
    }

    public bool Rollback()
    {
        try
        {
            return EndTransaction(() => _health.IsAvailable ? handle.Engine.Rollback() : false);
        }
        finally
        {
            // A cache may have read this transaction's own writes before they were undone.
            counters.BumpAll();
        }
    }

    public IBsonDataReader Query(string collection, Query query) => Locked(() =>
    {
        using var reader = handle.Engine.Query(collection, query);
        var values = new List<BsonValue>();
        while (reader.Read())
        {
            values.Add(reader.Current);
        }

        return (IBsonDataReader)new BufferedDataReader(values, reader.Collection);
    });

    public int Checkpoint() => Written(() => handle.Engine.Checkpoint());

    public long Rebuild(RebuildOptions options) => Written(() => handle.Engine.Rebuild(options), all: true);

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Written(() => handle.Engine.Insert(collection, docs, autoId), collection);

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Written(() => handle.Engine.Update(collection, docs), collection);

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Written(() => handle.Engine.UpdateMany(collection, transform, predicate), collection);

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Written(() => handle.Engine.Upsert(collection, docs, autoId), collection);

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Written(() => handle.Engine.Delete(collection, ids), collection);

    public int DeleteMany(string collection, BsonExpression predicate) => Written(() => handle.Engine.DeleteMany(collection, predicate), collection);

    public bool DropCollection(string name) => Written(() => handle.Engine.DropCollection(name), all: true);

    public bool RenameCollection(string name, string newName) => Written(() => handle.Engine.RenameCollection(name, newName), all: true);

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Written(() => handle.Engine.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Written(() => handle.Engine.DropIndex(collection, name));

    public BsonValue Pragma(string name) => Locked(() => handle.Engine.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Written(() => handle.Engine.Pragma(name, value), all: true);

    /// <summary>
    /// Runs <paramref name="work"/> with the engine to itself and no transaction open anywhere, after a checkpoint
    /// (the log's pages are in the data file): what a consistent copy of the file needs.
    /// </summary>
    public T Exclusive<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            EnsureWritable();
            Faulting(() => handle.Engine.Checkpoint());
            handle.MakeDurable();
            return work();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            handle.Dispose();
        }
    }

    /// <summary>A call that may write: locked, then (unless inside this thread's transaction) made durable.</summary>
    private T Written<T>(Func<T> work, string? collection = null, bool all = false)
    {
        T result;
        try
        {
            result = Locked(() =>
            {
                EnsureWritable();
                return work();
            });
        }
        finally
        {
            // After the write (done or failed), never before: a cache that read the counter before this bump and
            // the document after the write is then already stale by its own counter, so it re-reads.
            if (all)
            {
                counters.BumpAll();
            }
            else if (collection is not null)
            {
                counters.Bump(collection);
            }
        }

        if (!_gate.IsHeldByCurrentThread)
        {
            MakeDurable();
        }

        return result;
    }

    private T Locked<T>(Func<T> work)
    {
        lock (_gate)
        {
            return Faulting(work);
        }
    }

    /// <summary>Runs an engine call; an I/O failure in it (or a write it left failed) makes the database unavailable.</summary>
    private T Faulting<T>(Func<T> work)
    {
        T result;
        try
        {
            result = work();
        }
        catch (StorageUnavailableException)
        {
            throw;
        }
        catch (Exception ex) when (IsStorageFault(ex))
        {
            throw Fault(ex);
        }

        if (handle.Fault is { } failed)
        {
            throw Fault(failed);
        }

        return result;
    }

    private void MakeDurable()
    {
        try
        {
            handle.MakeDurable();
        }
        catch (StorageUnavailableException ex)
        {
            lock (_gate)
            {
                throw Fault(ex.InnerException ?? ex);
            }
        }
    }

    /// <summary>Refuses writes while unavailable, unless a probe is due and shows the disk writes again.</summary>
    private void EnsureWritable()
    {
        if (!_health.IsAvailable && !TryRecover())
        {
            throw new StorageUnavailableException(_health.Reason ?? "storage fault");
        }
    }

    /// <summary>Records the fault (first one wins) and opens the files afresh so that reads go on. Caller holds the gate.</summary>
    private StorageUnavailableException Fault(Exception cause)
    {
        if (_health.IsAvailable)
        {
            _health = StorageHealth.Unavailable(cause.Message, time.GetUtcNow());
            _nextProbe = time.GetUtcNow() + ProbeInterval;
        }

        ReopenQuietly();
        return new StorageUnavailableException(_health.Reason!, cause);
    }

    /// <summary>A probe write when one is due (never inside a transaction: it could not be told apart). Caller holds the gate.</summary>
    private bool TryRecover()
    {
        var now = time.GetUtcNow();
        if (_transactionHolds > 0 || now < _nextProbe)
        {
            return false;
        }

        _nextProbe = now + ProbeInterval;
        try
        {
            if (handle.Fault is not null)
            {
                handle.Reopen();
            }

            handle.Engine.Upsert(ProbeCollection, [new BsonDocument { ["_id"] = 1, ["at"] = now.UtcDateTime }], BsonAutoId.Int32);
            handle.MakeDurable();
        }
        catch (Exception ex) when (ex is StorageUnavailableException || IsStorageFault(ex))
        {
            ReopenQuietly();
            return false;
        }

        _health = StorageHealth.Available;
        return true;
    }

    private void ReopenQuietly()
    {
        try
        {
            handle.Reopen();
        }
        catch (Exception ex) when (IsStorageFault(ex))
        {
            // The files cannot even be read now; every call fails until a probe succeeds.
        }

        counters.BumpAll();
        reopened();
    }

    private static bool IsStorageFault(Exception ex) =>
        ex is IOException or ObjectDisposedException or UnauthorizedAccessException
        || (ex is LiteException lite && lite.ErrorCode is LiteException.ENGINE_DISPOSED or LiteException.INVALID_DATAFILE_STATE);

    private bool EndTransaction(Func<bool> end)
    {
        lock (_gate)
        {
            try
            {
                return end();
            }
            finally
            {
                // Release the hold taken by BeginTrans even when LiteDB had already dropped the transaction.
                if (_transactionHolds > 0)
                {
                    _transactionHolds--;
                    _gate.Exit();
                }
            }
        }
    }
}
