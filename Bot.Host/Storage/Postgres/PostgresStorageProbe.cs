using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Readiness of a PostgreSQL database: a pooled connection answers within <see cref="Timeout"/> and the server is not
/// a read-only standby (after a failover the connection string may point at one). Unavailable carries the reason and
/// since when.
/// </summary>
internal sealed class PostgresStorageProbe(string name, NpgsqlDataSource dataSource, TimeProvider time) : IStorageProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private DateTimeOffset? _since;

    public string Name => name;

    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        string? reason;
        try
        {
            await using var command = dataSource.CreateCommand("select pg_is_in_recovery()");
            var standby = (bool)(await command.ExecuteScalarAsync(timeout.Token))!;
            reason = standby ? "the server is a read-only standby" : null;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            reason = ex is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : ex.Message;
        }

        if (reason is null)
        {
            _since = null;
            return StorageHealth.Available;
        }

        _since ??= time.GetUtcNow();
        return StorageHealth.Unavailable(reason, _since.Value);
    }
}
