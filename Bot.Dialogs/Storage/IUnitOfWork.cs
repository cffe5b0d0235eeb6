namespace Bot.Dialogs.Storage;

/// <summary>
/// Everything one piece of work (a turn, one job step, one dashboard action) writes through the store ports, held
/// aside until <see cref="CommitAsync"/> writes it in one transaction, together with the commits of other units
/// finishing at the same moment. Reads inside the unit see its own writes. When a record the unit wrote was changed
/// by someone else after the unit first read it, the commit keeps nothing and throws
/// <see cref="StorageConflictException"/>: the caller runs the work again (<see cref="UnitOfWorkRunner"/>).
/// Disposing an uncommitted unit drops what it wrote.
/// </summary>
public interface IUnitOfWork : IDisposable
{
    /// <summary>
    /// Writes the unit's changes, then <paramref name="alsoWrite"/> (writes the caller prepared, such as the turn's
    /// state with its version check), in one transaction; returns once it is durable. Cancelling stops the wait, not
    /// the write.
    /// </summary>
    Task CommitAsync(Action? alsoWrite, CancellationToken cancellationToken);
}

/// <summary>Opens units of work. Store calls made in the opening async flow, and in everything it awaits, join the unit.</summary>
public interface IUnitOfWorkFactory
{
    IUnitOfWork Begin();
}
