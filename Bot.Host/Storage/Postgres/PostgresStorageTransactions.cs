using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The ports' transactions on PostgreSQL: <see cref="IStorageTransactions"/> runs the work in the thread's
/// transaction, and <see cref="IGroupCommitter"/> commits a turn's prepared writes in one. PostgreSQL commits
/// concurrent transactions side by side and batches their WAL flushes itself, so there is no queue of our own; the
/// write runs on the pool (its transaction is tied to that thread) and cancelling stops the wait, not the write.
/// </summary>
internal sealed class PostgresStorageTransactions(PostgresDatabase database) : IStorageTransactions, IGroupCommitter
{
    public T Run<T>(Func<T> work) => database.Transactions.Run(work);

    public void Run(Action work) => database.Transactions.Run(work);

    public async Task CommitAsync(Action writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        using var span = Bot.Dialogs.Telemetry.SinergiTelemetry.StartCommit();
        await Task.Run(() => database.Transactions.Run(writes), CancellationToken.None).WaitAsync(cancellationToken);
    }
}
