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
        var scope = new Scope(connection, connection.BeginTransaction());
        _unit.Value = scope;
        return scope;
    }

    /// <summary>Commits a unit's transaction after <paramref name="alsoWrite"/>, then runs what waited for the commit.</summary>
    internal static void CommitUnit(Scope scope, Action? alsoWrite)
    {
        try
        {
            alsoWrite?.Invoke();
            scope.Transaction.Commit();
        }
        catch (PostgresException ex)
        {
            throw PostgresErrors.Translate(ex);
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
    /// by itself).
    /// </summary>
    public T Use<T>(Func<NpgsqlConnection, NpgsqlTransaction?, T> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            if (Current is { } scope)
            {
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
    }
}
