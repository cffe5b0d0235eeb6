using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Storage;

/// <summary>
/// The process's single LiteDB database (DESIGN.md decision 4): one file, Direct mode, an explicit mapper.
/// Every thread shares it; <see cref="SerializedLiteEngine"/> lets one call (or one transaction) at a time into
/// the engine, because LiteDB 5.0.x is not safe with concurrent writers to different collections.
/// </summary>
public sealed class SinergiDatabase : IDisposable
{
    private readonly LiteDatabase _database;
    private readonly DurableFiles _files;
    private readonly ThreadLocal<List<Action>?> _afterCommit = new();

    public SinergiDatabase(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.DatabasePath;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        Mapper = SinergiMapper.Create();
        _files = new DurableFiles(path);
        var engine = new LiteEngine(new EngineSettings { DataStream = _files.Data, LogStream = _files.Log });
        _database = new LiteDatabase(new SerializedLiteEngine(engine, _files.SyncLog, WriteCounters), Mapper);
        Path = path;
    }

    /// <summary>Log writes not yet flushed to disk; 0 whenever no call is writing (for tests).</summary>
    internal long UnsyncedLogWrites => _files.UnsyncedLogWrites;

    /// <summary>Bumped on every write per collection; what the read caches check (see <see cref="CollectionWriteCounters"/>).</summary>
    internal CollectionWriteCounters WriteCounters { get; } = new();

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>The mapper every collection of this database uses.</summary>
    public BsonMapper Mapper { get; }

    /// <summary>The raw database, for stores in this assembly and the host.</summary>
    public ILiteDatabase Raw => _database;

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

        // LiteDB has no nested transactions: inside an open one on this thread, join it.
        if (!_database.BeginTrans())
        {
            return work();
        }

        var afterCommit = new List<Action>();
        _afterCommit.Value = afterCommit;
        try
        {
            var result = work();
            _database.Commit();
            _afterCommit.Value = null;
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
            }

            throw;
        }
    }

    /// <summary>True while this thread is inside a transaction (reads may see its uncommitted writes).</summary>
    internal bool InOpenTransaction => _afterCommit.Value is not null;

    /// <summary>
    /// Runs <paramref name="action"/> once the current thread's transaction has committed, or at once when no
    /// transaction is open (the write before it committed by itself). Nothing runs after a rollback: caches of
    /// committed data update here.
    /// </summary>
    internal void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_afterCommit.Value is { } pending)
        {
            pending.Add(action);
        }
        else
        {
            action();
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

    public void Dispose()
    {
        _database.Dispose();
        _files.Dispose();
        _afterCommit.Dispose();
    }
}
