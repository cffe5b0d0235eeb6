using System.Threading.Channels;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Commits the writes of many turns together (group commit). Each turn hands over its writes and waits; one writer
/// runs everything queued so far in one LiteDB transaction, makes it durable with one fsync, and only then releases
/// every waiter. Sixteen concurrent turns thus share one transaction and one fsync instead of queueing for the
/// engine lock one by one (BENCHMARKS.md "Load"). A batch that fails is rolled back and its writes are retried
/// one per transaction, so one turn's bad write never fails or loses another turn's.
/// </summary>
public sealed partial class GroupCommitter : IGroupCommitter, IDisposable
{
    private const int MaxBatch = 64;

    private readonly SinergiDatabase _database;
    private readonly ILogger<GroupCommitter> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GroupCommitter(SinergiDatabase database, ILogger<GroupCommitter> logger)
    {
        _database = database;
        _logger = logger;
        // Without the creator's execution context: the writer must never run inside a caller's unit of work.
        using (ExecutionContext.SuppressFlow())
        {
            _writer = Task.Run(WriteLoopAsync);
        }
    }

    /// <summary>
    /// Runs <paramref name="writes"/> in a shared transaction and returns once it is durable. Cancelling stops the
    /// wait, not the write: what a turn did is recorded even if its caller has gone.
    /// </summary>
    public async Task CommitAsync(Action writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        using var span = Bot.Dialogs.Telemetry.SinergiTelemetry.StartCommit();
        var pending = new PendingWrite(writes);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Commits what is queued, then stops.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        var stale = new Dictionary<PendingWrite, StorageConflictException>(ReferenceEqualityComparer.Instance);
        try
        {
            _database.InTransaction(() =>
            {
                foreach (var pending in batch)
                {
                    try
                    {
                        pending.Writes();
                    }
                    catch (StaleUnitException ex)
                    {
                        // Nothing of it was written: the others commit without it, and it runs again.
                        stale[pending] = ex.Conflict;
                    }
                }
            });
            LogBatch(batch.Count);
            foreach (var pending in batch)
            {
                if (stale.TryGetValue(pending, out var conflict))
                {
                    pending.Done.TrySetException(conflict);
                }
                else
                {
                    pending.Done.TrySetResult();
                }
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            LogBatchFailed(ex, batch.Count);
            foreach (var pending in batch)
            {
                CommitAlone(pending);
            }
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(Unwrapped(ex));
        }
    }

    private void CommitAlone(PendingWrite pending)
    {
        try
        {
            _database.InTransaction(pending.Writes);
            pending.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(Unwrapped(ex));
        }
    }

    private static Exception Unwrapped(Exception ex) => ex is StaleUnitException stale ? stale.Conflict : ex;

    [LoggerMessage(EventId = 1101, Level = LogLevel.Trace, Message = "Committed {Count} turns in one transaction")]
    private partial void LogBatch(int count);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "A group commit of {Count} turns failed; committing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed class PendingWrite(Action writes)
    {
        public Action Writes { get; } = writes;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
