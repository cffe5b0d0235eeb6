using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The one place that opens, joins, commits and rolls back PostgreSQL transactions. The open transaction is tied to
/// the calling thread (the store ports are synchronous, as <see cref="Bot.Dialogs.Storage.IStorageTransactions"/>
/// says), so every store call on that thread joins it; a nested <see cref="Run{T}"/> joins the outer one. When the
/// turn pipeline gets its own unit of work, this class is what it opens.
/// </summary>
internal sealed class PostgresTransaction(NpgsqlDataSource dataSource) : IDisposable
{
    private readonly ThreadLocal<Scope?> _current = new();

    /// <summary>True while this thread is inside a transaction.</summary>
    public bool IsOpen => _current.Value is not null;

    /// <summary>Runs <paramref name="work"/> in one transaction (or in the one already open on this thread).</summary>
    public T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_current.Value is not null)
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
            if (_current.Value is { } scope)
            {
                return command(scope.Connection, scope.Transaction);
            }

            using var connection = dataSource.OpenConnection();
            return command(connection, null);
        }
        catch (PostgresException ex) when (_current.Value is null)
        {
            throw PostgresErrors.Translate(ex);
        }
    }

    /// <summary>Runs <paramref name="action"/> once the current transaction committed, or at once outside one.</summary>
    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_current.Value is { } scope)
        {
            scope.AfterCommit.Add(action);
        }
        else
        {
            action();
        }
    }

    public void Dispose() => _current.Dispose();

    private sealed class Scope(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        public NpgsqlConnection Connection { get; } = connection;

        public NpgsqlTransaction Transaction { get; } = transaction;

        public List<Action> AfterCommit { get; } = [];
    }
}
