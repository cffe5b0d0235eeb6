using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// A unit of work on the main database: while it is open, every store call made in its async flow is staged
/// (<see cref="StagingLiteEngine"/>); <see cref="CommitAsync"/> hands the staged writes to the group commit, which
/// checks and writes them in one transaction with one fsync. A unit opened inside another joins it: the outer one
/// commits. The tips' file is not part of it (a tip is written at once to its own file, which never meets the
/// main database; DESIGN.md, anonymity of tips).
/// </summary>
internal sealed class LiteDbUnitOfWork : IUnitOfWork
{
    private readonly SinergiDatabase _database;
    private readonly GroupCommitter _commits;
    private readonly StagedWrites? _staged;
    private readonly StagedWrites? _outer;
    private bool _disposed;

    private LiteDbUnitOfWork(SinergiDatabase database, GroupCommitter commits, StagedWrites? staged, StagedWrites? outer)
    {
        _database = database;
        _commits = commits;
        _staged = staged;
        _outer = outer;
    }

    public static LiteDbUnitOfWork Begin(SinergiDatabase database, GroupCommitter commits)
    {
        var outer = database.OpenUnit;
        if (outer is not null)
        {
            return new LiteDbUnitOfWork(database, commits, null, outer);
        }

        var staged = new StagedWrites();
        database.OpenUnit = staged;
        return new LiteDbUnitOfWork(database, commits, staged, null);
    }

    public async Task CommitAsync(Action? alsoWrite, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_staged is null)
        {
            // Joined an outer unit: its commit writes this work too; what the caller prepared runs with it.
            if (alsoWrite is not null)
            {
                _outer!.WriteWithCommit(alsoWrite);
            }

            return;
        }

        if (_staged.IsEmpty && alsoWrite is null)
        {
            return;
        }

        try
        {
            await _commits.CommitAsync(
                () =>
                {
                    _database.Apply(_staged);
                    alsoWrite?.Invoke();
                },
                cancellationToken);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new StorageConflictException("A unique value this work wrote was stored by someone else first.", ex);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_staged is not null && ReferenceEquals(_database.OpenUnit, _staged))
        {
            _database.OpenUnit = null;
        }
    }
}

/// <summary>Opens <see cref="LiteDbUnitOfWork"/>s.</summary>
internal sealed class LiteDbUnitOfWorkFactory(SinergiDatabase database, GroupCommitter commits) : IUnitOfWorkFactory
{
    public IUnitOfWork Begin() => LiteDbUnitOfWork.Begin(database, commits);
}
