using System.Reflection;
using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Writes waiting to go to PostgreSQL together: one <see cref="NpgsqlBatch"/>, so one round trip for all of them,
/// run in the order they were added. Parameters are the properties of an anonymous object, named as in the SQL
/// (<c>@id</c>), as with Dapper; each write's row count goes to its callback once the batch ran.
/// </summary>
internal sealed class PostgresWriteBatch
{
    private readonly List<(string Sql, object Parameters, Action<int>? Affected)> _writes = [];

    public bool IsEmpty => _writes.Count == 0;

    public void Add(string sql, object parameters, Action<int>? affected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        _writes.Add((sql, parameters, affected));
    }

    public void Run(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (sql, parameters, _) in _writes)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var property in parameters.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                command.Parameters.AddWithValue(property.Name, property.GetValue(parameters) ?? DBNull.Value);
            }

            batch.BatchCommands.Add(command);
        }

        batch.ExecuteNonQuery();
        for (var i = 0; i < _writes.Count; i++)
        {
            _writes[i].Affected?.Invoke(batch.BatchCommands[i].RecordsAffected);
        }
    }
}
