using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Short writes that must not wait for the caller's transaction: each runs in a transaction of its own on a small
/// pool of its own and commits at once, like <c>nextval</c>, so a counter row's lock is held for one statement and
/// not for the rest of a turn. What it hands out is taken whether the caller commits or not (a gap, as with a
/// sequence). Its own pool keeps it from waiting for a connection that a turn waiting for it holds.
/// <para>
/// It commits without waiting for the WAL flush (<c>synchronous_commit = off</c>): a counter whose value went into
/// a row that committed is durable with that row, because PostgreSQL flushes the log in order up to that commit;
/// a value lost in a crash was used by nothing that committed.
/// </para>
/// </summary>
internal sealed class PostgresAtOnce(string connectionString) : IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 4, MinPoolSize = 0 }.ConnectionString);

    public T Run<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            using (var relaxed = new NpgsqlCommand("set local synchronous_commit = off", connection, transaction))
            {
                relaxed.ExecuteNonQuery();
            }

            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (PostgresException ex)
        {
            throw PostgresErrors.Translate(ex);
        }
    }

    public void Dispose() => _dataSource.Dispose();
}
