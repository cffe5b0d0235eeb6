using System.Collections.Concurrent;
using System.Reflection;
using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Writes waiting to go to PostgreSQL together: one <see cref="NpgsqlBatch"/>, so one round trip for all of them,
/// run in the order they were added, with the transaction's <c>COMMIT</c> after them when it is the commit's last
/// batch. A write that must not go through (a conversation state saved by someone else) raises an error inside
/// PostgreSQL, which skips the rest of the batch, the <c>COMMIT</c> too. Parameters are the properties of an anonymous
/// object, named as in the SQL (<c>@id</c>), as with Dapper.
/// </summary>
internal sealed class PostgresWriteBatch
{
    /// <summary>Each parameter object's properties, looked up once per anonymous type (a handful in the adapter).</summary>
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    private readonly List<(string Sql, object Parameters)> _writes = [];

    public bool IsEmpty => _writes.Count == 0;

    public void Add(string sql, object parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        _writes.Add((sql, parameters));
    }

    /// <summary>Sends the writes, then <c>COMMIT</c> when <paramref name="commit"/>; the transaction has ended then.</summary>
    public void Run(NpgsqlConnection connection, NpgsqlTransaction transaction, bool commit)
    {
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (sql, parameters) in _writes)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var property in PropertiesOf(parameters.GetType()))
            {
                command.Parameters.AddWithValue(property.Name, property.GetValue(parameters) ?? DBNull.Value);
            }

            batch.BatchCommands.Add(command);
        }

        if (commit)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        }

        batch.ExecuteNonQuery();
    }

    private static PropertyInfo[] PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance));
}
