namespace Bot.Dialogs.Engine;

/// <summary>
/// The one place that orders work per conversation, on every channel: a turn (with the delivery of its replies)
/// and a proactive message (<see cref="ProactiveMessenger"/>) of one conversation run one at a time, in the order
/// they were asked for, so a reminder never lands between a message and its answer. Different conversations run in
/// parallel. Work asked for by code already running for the same conversation (a turn that messages its own
/// conversation) runs at once instead of waiting for itself. Across hosts, the storage adapter serialises turns of
/// a conversation in the database (an advisory lock on PostgreSQL); this queue keeps the order within one process.
/// </summary>
public sealed class ConversationSequencer
{
    private static readonly AsyncLocal<string?> Holding = new();

    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private int _queued;

    /// <summary>Work queued or running, over all conversations (a telemetry gauge).</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>
    /// Runs <paramref name="work"/> after everything asked for before it in the conversation and completes with it.
    /// The place in the line is taken synchronously, before this method returns.
    /// </summary>
    public Task<T> RunAsync<T>(string conversationKey, Func<Task<T>> work)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        ArgumentNullException.ThrowIfNull(work);
        if (Holding.Value == conversationKey)
        {
            return work();
        }

        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(conversationKey) ?? Task.CompletedTask;
            Interlocked.Increment(ref _queued);
            var next = RunAfterAsync(previous, conversationKey, work);
            _tails[conversationKey] = next;
            _ = next.ContinueWith(
                done => Forget(conversationKey, done),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return next;
        }
    }

    /// <inheritdoc cref="RunAsync{T}(string, Func{Task{T}})"/>
    public Task RunAsync(string conversationKey, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(conversationKey, async () =>
        {
            await work();
            return true;
        });
    }

    private async Task<T> RunAfterAsync<T>(Task previous, string conversationKey, Func<Task<T>> work)
    {
        try
        {
            // The previous item's failure belongs to its own caller; this one runs regardless. Never on the caller's
            // thread: a channel that answers before the turn (Direct Line) must not run the turn inside its request.
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);

            // Set inside this method, so it flows into the work only, never back to whoever queued it.
            Holding.Value = conversationKey;
            return await work();
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    private void Forget(string conversationKey, Task done)
    {
        lock (_tails)
        {
            if (_tails.TryGetValue(conversationKey, out var tail) && tail == done)
            {
                _tails.Remove(conversationKey);
            }
        }
    }
}
