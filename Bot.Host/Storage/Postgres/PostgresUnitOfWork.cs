using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// A unit of work on PostgreSQL: one database transaction for the async flow that opened it (a turn, across its
/// awaits), which every store call joins; <see cref="CommitAsync"/> runs the caller's prepared writes in it and
/// commits. It runs at READ COMMITTED: rows that must not be overwritten carry their own check (the conversation
/// state's version, the commitment code counter, unique keys), and a failed check undoes the whole turn, which the
/// pipeline runs again. A unit opened inside another joins it.
/// </summary>
internal sealed class PostgresUnitOfWork(PostgresTransaction transactions) : IUnitOfWork
{
    private readonly PostgresTransaction.Scope? _scope = transactions.BeginUnit();

    public Task CommitAsync(Action? alsoWrite, CancellationToken cancellationToken)
    {
        if (_scope is null)
        {
            // Joined an outer unit: its commit keeps this work; what the caller prepared runs in it now.
            alsoWrite?.Invoke();
            return Task.CompletedTask;
        }

        using var span = Bot.Dialogs.Telemetry.SinergiTelemetry.StartCommit();
        PostgresTransaction.CommitUnit(_scope, alsoWrite);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_scope is not null)
        {
            transactions.EndUnit(_scope);
        }
    }
}

/// <summary>Opens <see cref="PostgresUnitOfWork"/>s.</summary>
internal sealed class PostgresUnitOfWorkFactory(PostgresDatabase database) : IUnitOfWorkFactory
{
    public IUnitOfWork Begin() => new PostgresUnitOfWork(database.Transactions);
}
