namespace Bot.Dialogs.Storage;

/// <summary>
/// Runs work outside a turn (a job step, a dashboard action, an admin command) as one unit of work: its writes
/// commit once, or not at all when it throws, and it runs again from the start when its commit met a concurrent
/// change (<see cref="StorageConflictException"/>), up to <see cref="MaxAttempts"/> times. The turn pipeline does
/// the same for turns.
/// </summary>
public sealed class UnitOfWorkRunner(IUnitOfWorkFactory units)
{
    /// <summary>How often work is run before a conflict is given up on and thrown.</summary>
    public const int MaxAttempts = 8;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            using var unit = units.Begin();
            var result = await work(cancellationToken);
            try
            {
                await unit.CommitAsync(null, cancellationToken);
                return result;
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
                // Someone changed what this work wrote: run it again on what is stored now.
            }
        }
    }

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(_ => Task.FromResult(work()), cancellationToken);
    }

    public Task RunAsync(Action work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(
            _ =>
            {
                work();
                return Task.FromResult(true);
            },
            cancellationToken);
    }
}
