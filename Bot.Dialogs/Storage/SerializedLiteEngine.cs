using LiteDB;
using LiteDB.Engine;

namespace Bot.Dialogs.Storage;

/// <summary>
/// Lets one thread at a time into the LiteDB engine. LiteDB 5.0.20 corrupts its free-page list when two threads
/// write to different collections at once ("empty page must be defined as empty type", LiteDB issues 2503 and
/// 2825, fixed only after 5.0.x); the load benchmark hit it within seconds at 16 concurrent conversations, after
/// which every call failed. An explicit transaction keeps the lock from BeginTrans to Commit or Rollback (LiteDB
/// transactions are per thread, and <see cref="SinergiDatabase.InTransaction{T}(Func{T})"/> is synchronous), and
/// query results are read while the lock is held so that no page is read lazily beside a writer. After every call
/// that may have written, and outside the lock, <c>syncLog</c> makes the log durable (see <see cref="DurableFiles"/>),
/// so a call returns only once what it committed is on disk.
/// </summary>
internal sealed class SerializedLiteEngine(ILiteEngine inner, Action syncLog, CollectionWriteCounters counters) : ILiteEngine
{
    private readonly Lock _gate = new();

    // Explicit transactions holding the gate; only the holding thread can see this above zero (it keeps the lock).
    private int _transactionHolds;

    public bool BeginTrans()
    {
        _gate.Enter();
        bool started;
        try
        {
            started = inner.BeginTrans();
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
        var committed = EndTransaction(inner.Commit);
        if (!_gate.IsHeldByCurrentThread)
        {
            syncLog();
        }

        return committed;
    }

    public bool Rollback()
    {
        try
        {
            return EndTransaction(inner.Rollback);
        }
        finally
        {
            // A cache may have read this transaction's own writes before they were undone.
            counters.BumpAll();
        }
    }

    public IBsonDataReader Query(string collection, Query query) => Locked(() =>
    {
        using var reader = inner.Query(collection, query);
        var values = new List<BsonValue>();
        while (reader.Read())
        {
            values.Add(reader.Current);
        }

        return (IBsonDataReader)new ListDataReader(values, reader.Collection);
    });

    public int Checkpoint() => Written(inner.Checkpoint);

    public long Rebuild(RebuildOptions options) => Written(() => inner.Rebuild(options), all: true);

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Written(() => inner.Insert(collection, docs, autoId), collection);

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Written(() => inner.Update(collection, docs), collection);

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Written(() => inner.UpdateMany(collection, transform, predicate), collection);

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Written(() => inner.Upsert(collection, docs, autoId), collection);

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Written(() => inner.Delete(collection, ids), collection);

    public int DeleteMany(string collection, BsonExpression predicate) => Written(() => inner.DeleteMany(collection, predicate), collection);

    public bool DropCollection(string name) => Written(() => inner.DropCollection(name), all: true);

    public bool RenameCollection(string name, string newName) => Written(() => inner.RenameCollection(name, newName), all: true);

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Written(() => inner.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Written(() => inner.DropIndex(collection, name));

    public BsonValue Pragma(string name) => Locked(() => inner.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Written(() => inner.Pragma(name, value), all: true);

    public void Dispose()
    {
        lock (_gate)
        {
            inner.Dispose();
        }
    }

    /// <summary>A call that may write: locked, then (unless inside this thread's transaction) made durable.</summary>
    private T Written<T>(Func<T> work, string? collection = null, bool all = false)
    {
        T result;
        try
        {
            result = Locked(work);
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
            syncLog();
        }

        return result;
    }

    private T Locked<T>(Func<T> work)
    {
        lock (_gate)
        {
            return work();
        }
    }

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

    /// <summary>A reader over results already read.</summary>
    private sealed class ListDataReader(List<BsonValue> values, string collection) : IBsonDataReader
    {
        private int _index = -1;

        public BsonValue this[string field] => Current.AsDocument[field] ?? BsonValue.Null;

        public string Collection => collection;

        public BsonValue Current => _index >= 0 && _index < values.Count ? values[_index] : BsonValue.Null;

        public bool HasValues => values.Count > 0;

        public bool Read() => ++_index < values.Count;

        public void Dispose()
        {
        }
    }
}
