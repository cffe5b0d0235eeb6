namespace Bot.Dialogs.Storage;

/// <summary>
/// Commits a turn's prepared writes together with those of concurrent turns (group commit) and returns once they are
/// durable. Cancelling stops the wait, not the write.
/// </summary>
public interface IGroupCommitter
{
    Task CommitAsync(Action writes, CancellationToken cancellationToken);
}
