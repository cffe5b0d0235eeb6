using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The tips' database: schema <c>tips</c> on <c>ConnectionStrings:SinergiTips</c>, or on the main database when that
/// is not set, through a pool of its own. It never joins the transaction open on the thread or the turn's async flow
/// (<see cref="PostgresTransaction"/>): each write is a transaction of its own, committed at once. In one transaction
/// a tip would commit with the turn that sent it, next to the sender's conversation state, reference and Direct Line
/// ids, as a shared LiteDB file once tied them (issue 14, finding 8). Transaction ids are still handed out in order
/// per server, so a tip's row version stays close to the sender's turn's until both are rewritten or vacuumed; an
/// operator who wants no such trace points <c>ConnectionStrings:SinergiTips</c> at a database on another server
/// (README, "Tip line privacy").
/// </summary>
internal sealed partial class PostgresTipDatabase : IDisposable
{
    public const string ConnectionStringName = "SinergiTips";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresTipDatabase(string connectionString, ILogger<PostgresTipDatabase> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        PostgresDatabase.Migrate(connectionString, logger, name => name.Contains(".Storage.Postgres.Migrations.Tips.", StringComparison.Ordinal), journalSchema: "tips");
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The pool (for readiness).</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Runs <paramref name="work"/> in a transaction of its own on a connection of its own, and commits it.</summary>
    public T Run<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var result = work(connection, transaction);
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
