namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Work on one web chat conversation, one piece at a time: its turns (<see cref="DirectLineTurns"/>) and proactive
/// messages (<see cref="DirectLineChannelSender"/>), so a reminder never lands between a turn's echo and its
/// replies. Different conversations run in parallel. Its own class so that the proactive sender needs the queue
/// and not the turn pipeline, which itself sends proactive messages (the dependency would be a cycle).
/// </summary>
internal sealed class DirectLineConversationQueue(IHostApplicationLifetime lifetime)
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private int _queued;

    /// <summary>Turns and deliveries queued or running, over all conversations (a telemetry gauge).</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Runs <paramref name="work"/> after everything queued before it for the conversation; completes with it.</summary>
    public Task EnqueueAsync(string conversationId, Func<CancellationToken, Task> work)
    {
        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(conversationId) ?? Task.CompletedTask;
            Interlocked.Increment(ref _queued);
            var next = RunAfterAsync(previous, work);
            _tails[conversationId] = next;
            _ = next.ContinueWith(
                done =>
                {
                    lock (_tails)
                    {
                        if (_tails.TryGetValue(conversationId, out var tail) && tail == done)
                        {
                            _tails.Remove(conversationId);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return next;
        }
    }

    private async Task RunAfterAsync(Task previous, Func<CancellationToken, Task> work)
    {
        try
        {
            // The previous item's failure belongs to its own caller; this one runs regardless.
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await work(lifetime.ApplicationStopping);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }
}
