using Dapper;
using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The one place that opens, joins, commits and rolls back PostgreSQL transactions. A transaction is tied to the
/// calling thread (<see cref="Run{T}"/>: synchronous work, as <see cref="Bot.Dialogs.Storage.IStorageTransactions"/>
/// says) or to an async flow (a unit of work, <see cref="PostgresUnitOfWork"/>: a turn, across its awaits); every
/// store call there joins it, and a nested <see cref="Run{T}"/> joins the outer one.
/// </summary>
internal sealed class PostgresTransaction(NpgsqlDataSource dataSource) : IDisposable
{
    private readonly ThreadLocal<Scope?> _current = new();
    private readonly AsyncLocal<Scope?> _unit = new();

    /// <summary>True while this thread or async flow is inside a transaction.</summary>
    public bool IsOpen => Current is not null;

    private Scope? Current => _current.Value ?? _unit.Value;

    /// <summary>Opens the transaction of a unit of work for the current async flow; null when one is open already (the unit joins it).</summary>
    internal Scope? BeginUnit()
    {
        if (Current is not null)
        {
            return null;
        }

        var connection = dataSource.OpenConnection();
        var scope = new Scope(connection, connection.BeginTransaction()) { Remembered = [] };
        _unit.Value = scope;
        return scope;
    }

    /// <summary>
    /// Commits a unit's transaction after <paramref name="alsoWrite"/>, then runs what waited for the commit. The
    /// writes <paramref name="alsoWrite"/> hands to <see cref="Write"/> go to PostgreSQL together with the COMMIT, in
    /// one round trip.
    /// </summary>
    internal static void CommitUnit(Scope scope, Action? alsoWrite)
    {
        try
        {
            scope.Batch = new PostgresWriteBatch();
            alsoWrite?.Invoke();
            if (scope.Batch.IsEmpty)
            {
                scope.Transaction.Commit();
            }
            else
            {
                // The writes and the COMMIT in one round trip: a write that fails stops the COMMIT in PostgreSQL.
                scope.Batch.Run(scope.Connection, scope.Transaction, commit: true);
            }
        }
        catch (PostgresException ex)
        {
            throw PostgresErrors.Translate(ex);
        }

        finally
        {
            scope.Batch = null;
        }

        scope.Committed = true;
        foreach (var action in scope.AfterCommit)
        {
            action();
        }
    }

    /// <summary>Ends a unit: rolls back what was not committed, and leaves the async flow.</summary>
    internal void EndUnit(Scope scope)
    {
        if (ReferenceEquals(_unit.Value, scope))
        {
            _unit.Value = null;
        }

        if (!scope.Committed)
        {
            scope.Transaction.Rollback();
        }

        scope.Transaction.Dispose();
        scope.Connection.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (or in the one already open on this thread).</summary>
    public T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Current is not null)
        {
            return work();
        }

        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var scope = new Scope(connection, transaction);
        _current.Value = scope;
        T result;
        try
        {
            result = work();
            transaction.Commit();
        }
        catch (PostgresException ex)
        {
            throw PostgresErrors.Translate(ex);
        }
        finally
        {
            _current.Value = null;
        }

        foreach (var action in scope.AfterCommit)
        {
            action();
        }

        return result;
    }

    public void Run(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Run(() =>
        {
            work();
            return true;
        });
    }

    /// <summary>
    /// Runs <paramref name="command"/> on this thread's transaction, or alone on a pooled connection (it then commits
    /// by itself). Writes a unit's commit has batched go first, so the command sees them.
    /// </summary>
    public T Use<T>(Func<NpgsqlConnection, NpgsqlTransaction?, T> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            if (Current is { } scope)
            {
                Flush(scope);
                return command(scope.Connection, scope.Transaction);
            }

            using var connection = dataSource.OpenConnection();
            return command(connection, null);
        }
        catch (PostgresException ex) when (Current is null)
        {
            throw PostgresErrors.Translate(ex);
        }
    }

    /// <summary>
    /// A write whose outcome the caller does not need (one that must not go through raises an error in PostgreSQL):
    /// in a unit's commit it joins the commit's batch, which goes to PostgreSQL in one round trip with the COMMIT, or
    /// before the next command; anywhere else it runs at once.
    /// </summary>
    public void Write(string sql, object parameters)
    {
        if (Current is { Batch: { } batch })
        {
            batch.Add(sql, parameters);
            return;
        }

        Use((c, t) => c.Execute(sql, parameters, t));
    }

    /// <summary>
    /// In a unit of work (a turn), what <paramref name="read"/> returned the first time under <paramref name="key"/>;
    /// anywhere else a fresh read. For reads a turn repeats whose rows only its own commit changes (a store forgets
    /// the key when it prepares such a write, <see cref="Forget"/>).
    /// </summary>
    public T Remember<T>(string key, Func<T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Current is not { Remembered: { } remembered })
        {
            return read();
        }

        if (remembered.TryGetValue(key, out var known) && known is T value)
        {
            return value;
        }

        var fresh = read();
        remembered[key] = fresh;
        return fresh;
    }

    /// <summary>True inside a unit of work (a turn), where <see cref="Remember{T}"/> keeps what it read.</summary>
    public bool InUnit => Current is { Remembered: not null };

    /// <summary>
    /// In a unit of work, keeps <paramref name="value"/> under <paramref name="key"/> as if <see cref="Remember{T}"/>
    /// had read it now (a read that brought another store's rows along, in the same round trip); elsewhere nothing.
    /// </summary>
    public void Know(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Current is { Remembered: { } remembered })
        {
            remembered[key] = value;
        }
    }

    /// <summary>
    /// In a unit of work, keeps <paramref name="value"/> under <paramref name="key"/> until the first
    /// <see cref="Forget"/> of any key: for a read made before the turn asked for it (the turn's first command), which
    /// holds several stores' rows and so must not outlive a write to any of them.
    /// </summary>
    public void KnowUntilWrite(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Current is { Remembered: { } remembered } scope)
        {
            remembered[key] = value;
            scope.DroppedOnWrite.Add(key);
        }
    }

    /// <summary>What the unit keeps under <paramref name="key"/>, or null (never a read).</summary>
    public T? Recall<T>(string key)
        where T : class =>
        Current is { Remembered: { } remembered } && remembered.TryGetValue(key, out var known) ? known as T : null;

    /// <summary>What the unit keeps under <paramref name="key"/>, dropped as it is taken (it answers one call), or null.</summary>
    public T? Take<T>(string key)
        where T : class
    {
        var known = Recall<T>(key);
        if (known is not null)
        {
            Forget(key);
        }

        return known;
    }

    /// <summary>Drops what <see cref="Remember{T}"/> kept under <paramref name="key"/>, and what <see cref="KnowUntilWrite"/> kept under any key.</summary>
    public void Forget(string key)
    {
        if (Current is { Remembered: { } remembered } scope)
        {
            remembered.Remove(key);
            foreach (var early in scope.DroppedOnWrite)
            {
                remembered.Remove(early);
            }

            scope.DroppedOnWrite.Clear();
        }
    }

    private static void Flush(Scope scope)
    {
        if (scope.Batch is { IsEmpty: false } batch)
        {
            scope.Batch = new PostgresWriteBatch();
            batch.Run(scope.Connection, scope.Transaction, commit: false);
        }
    }

    /// <summary>Runs <paramref name="action"/> once the current transaction committed, or at once outside one.</summary>
    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Current is { } scope)
        {
            scope.AfterCommit.Add(action);
        }
        else
        {
            action();
        }
    }

    public void Dispose() => _current.Dispose();

    internal sealed class Scope(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        public bool Committed { get; set; }

        public NpgsqlConnection Connection { get; } = connection;

        public NpgsqlTransaction Transaction { get; } = transaction;

        public List<Action> AfterCommit { get; } = [];

        /// <summary>A unit's reads kept for the rest of the unit (<see cref="Remember{T}"/>); null in other transactions.</summary>
        public Dictionary<string, object>? Remembered { get; init; }

        /// <summary>The keys of <see cref="Remembered"/> that any <see cref="Forget"/> drops (<see cref="KnowUntilWrite"/>).</summary>
        public HashSet<string> DroppedOnWrite { get; } = [];

        /// <summary>While a unit commits: the writes waiting to go to PostgreSQL together.</summary>
        public PostgresWriteBatch? Batch { get; set; }
    }
}
