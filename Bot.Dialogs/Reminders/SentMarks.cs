using System.Threading.Channels;

namespace Bot.Dialogs.Reminders;

/// <summary>The "sent" mark of one reminder message: the rows it carries and its stable id.</summary>
internal sealed record PendingMark(IReadOnlyList<ReminderItem> Rows, string UserId, string ConversationKey, string Shape, string MessageId)
{
    public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit of a sweep's "sent" marks (the in-flight records went with the claim): one writer takes every
/// mark waiting and commits them in one transaction, so parallel deliveries share one disk flush instead of paying one each. The window between the channel's acceptance and
/// the mark grows from one message to the handful accepted during one commit; a delivery waits for its mark
/// before sending that recipient's next message. Writes ignore cancellation: a message the channel accepted is
/// marked even while the host shuts down.
/// </summary>
internal sealed class SentMarks
{
    private const int MaxBatch = 512;

    private readonly ReminderRowUpdates _updates;
    private readonly string _claimId;
    private readonly Channel<PendingMark> _queue = Channel.CreateUnbounded<PendingMark>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private int _failedWrites;

    public SentMarks(ReminderRowUpdates updates, string claimId)
    {
        _updates = updates;
        _claimId = claimId;
        _writer = Task.Run(WriteAsync, CancellationToken.None);
    }

    public Task MarkAsync(PendingMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return _queue.Writer.TryWrite(mark) ? mark.Written.Task : throw new InvalidOperationException("The sweep has finished marking.");
    }

    /// <summary>Writes that failed (their messages were sent; the rows stay leased).</summary>
    public int FailedWrites => Volatile.Read(ref _failedWrites);

    /// <summary>Writes what is still queued and stops.</summary>
    public Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        return _writer;
    }

    private async Task WriteAsync()
    {
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var batch = new List<PendingMark>();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var mark))
            {
                batch.Add(mark);
            }

            try
            {
                _updates.Write(batch, _claimId);
                batch.ForEach(m => m.Written.TrySetResult());
            }
            catch (Exception ex)
            {
                // A mark no delivery waits for (a recipient's last message) is counted here; its rows stay leased and
                // go again under their recorded id once the lease runs out.
                Interlocked.Add(ref _failedWrites, batch.Count);
                foreach (var mark in batch)
                {
                    mark.Written.TrySetException(ex);
                    _ = mark.Written.Task.Exception;
                }
            }
        }
    }
}
