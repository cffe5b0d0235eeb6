using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// A unit of work found, before writing anything, that a document it read has changed since. The group commit leaves
/// that unit out and commits the others in the same transaction; the unit's caller gets <see cref="Conflict"/> and
/// runs its work again.
/// </summary>
internal sealed class StaleUnitException(StorageConflictException conflict) : Exception(conflict.Message, conflict)
{
    public StorageConflictException Conflict { get; } = conflict;
}
