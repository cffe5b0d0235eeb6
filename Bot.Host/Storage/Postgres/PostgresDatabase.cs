using System.Reflection;
using DbUp;
using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The PostgreSQL database of this process: one pooled data source over <c>ConnectionStrings:Sinergi</c>, the
/// schema brought up to date when it is created (DbUp runs the numbered scripts in <c>Migrations/</c> that the
/// database has not run yet, each in its own transaction), and the thread's transaction
/// (<see cref="PostgresTransaction"/>).
/// </summary>
internal sealed partial class PostgresDatabase : IDisposable
{
    public const string ConnectionStringName = "Sinergi";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Migrate(connectionString, logger, MainScripts, journalSchema: null);
        _dataSource = CreateDataSource(connectionString);
        Transactions = new PostgresTransaction(_dataSource);
        AtOnce = new PostgresAtOnce(connectionString);
    }

    public PostgresTransaction Transactions { get; }

    /// <summary>Short writes committed at once, outside the caller's transaction (counters).</summary>
    public PostgresAtOnce AtOnce { get; }

    /// <summary>The pooled data source, for readiness and for the components that open their own connections (Quartz's job store, the change notifier).</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Runs a command on the thread's transaction, or alone.</summary>
    public T Use<T>(Func<NpgsqlConnection, NpgsqlTransaction?, T> command) => Transactions.Use(command);

    /// <summary>A write batched with the others of a turn's commit (<see cref="PostgresTransaction.Write"/>).</summary>
    public void Write(string sql, object parameters) => Transactions.Write(sql, parameters);

    public void Dispose()
    {
        Transactions.Dispose();
        AtOnce.Dispose();
        _dataSource.Dispose();
    }

    /// <summary>
    /// The pool, with Npgsql's automatic preparation on unless the connection string sets it: a statement that ran
    /// <see cref="NpgsqlConnectionStringBuilder.AutoPrepareMinUsages"/> times (2) on a pooled connection is prepared
    /// there (up to <see cref="NpgsqlConnectionStringBuilder.MaxAutoPrepare"/> statements per connection, 64), so
    /// PostgreSQL stops parsing and planning a turn's statements on every turn. <c>Max Auto Prepare=0</c> in the
    /// connection string turns it off (a pooler in transaction mode that does not track prepared statements, such as
    /// PgBouncer before 1.21, needs that). A prepared statement runs on a generic plan once PostgreSQL finds it no
    /// worse than the custom ones: a statement whose generic plan is poor needs a shape that leaves one choice
    /// (<see cref="PostgresUserStore"/>'s sender read).
    /// </summary>
    internal static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages"))
        {
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }

    /// <summary>
    /// Runs the embedded scripts <paramref name="scripts"/> selects that the database has not run yet, each in its own
    /// transaction, journalled in <c>schemaversions</c> (of <paramref name="journalSchema"/>, which is created first,
    /// or of the default schema). Hosts starting together take turns: a session advisory lock is held around the
    /// upgrade, so the second finds the scripts the first ran in the journal instead of running them again.
    /// </summary>
    internal static void Migrate(string connectionString, ILogger logger, Func<string, bool> scripts, string? journalSchema)
    {
        // Its own connection, outside any pool: closing it ends the session, and with it the lock, whatever happens.
        using var turn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        turn.Open();
        using (var take = new NpgsqlCommand($"select pg_advisory_lock({MigrationLock})", turn))
        {
            take.ExecuteNonQuery();
        }

        var builder = DeployChanges.To.PostgresqlDatabase(connectionString);
        if (journalSchema is not null)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var create = new NpgsqlCommand($"create schema if not exists {journalSchema}", connection);
            create.ExecuteNonQuery();
            builder = builder.JournalToPostgresqlTable(journalSchema, "schemaversions");
        }

        var result = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), scripts)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"The PostgreSQL migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }

        foreach (var script in result.Scripts)
        {
            LogMigrated(logger, script.Name);
        }
    }

    /// <summary>The advisory lock key that serialises migrations ("SINERGI_" as bytes); released with the session.</summary>
    private const long MigrationLock = 0x53494E4552474900;

    /// <summary>The main database's scripts: <c>Migrations/*.sql</c>, not the tips' (<see cref="PostgresTipDatabase"/>).</summary>
    private static bool MainScripts(string name) =>
        name.Contains(".Storage.Postgres.Migrations.", StringComparison.Ordinal) && !name.Contains(".Migrations.Tips.", StringComparison.Ordinal);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "PostgreSQL migration {Script} applied")]
    private static partial void LogMigrated(ILogger logger, string script);
}
