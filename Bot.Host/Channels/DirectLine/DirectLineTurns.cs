using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Telemetry;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Runs the bot for Direct Line conversations in-process, one piece of work at a time per conversation, and
/// appends what the bot said to the feed. The HTTP request that caused the work has already been answered.
/// </summary>
internal sealed partial class DirectLineTurns(
    TurnProcessor processor,
    ActivityFeed feed,
    DirectLineAttachments attachments,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineTurns> logger)
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private int _queued;

    /// <summary>Turns and deliveries queued or running, over all conversations (a telemetry gauge).</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Queues a turn for an activity already in the log; failures are logged, never thrown.</summary>
    public void EnqueueTurn(DirectLineConversation conversation, Activity inbound) =>
        _ = EnqueueAsync(conversation.Id, async cancellationToken =>
        {
            using var span = SinergiTelemetry.StartChannel(DirectLineChannel.ChannelId);
            try
            {
                var result = await processor.ProcessAsync(inbound, cancellationToken);
                Action? settle = result.Status == TurnStatus.Duplicate ? null : () => feed.SettleTurn(conversation.Id, inbound, result.Confidential);
                try
                {
                    Deliver(conversation, result.Replies, result.Confidential, settle);
                }
                catch (StorageUnavailableException)
                {
                    // The transcript cannot grow now: open sockets still get the replies (the apology), unstored.
                    PushLive(conversation, result.Replies);
                    throw;
                }

                if (result.Confidential)
                {
                    // The files this turn could read (the tip photo with its EXIF) leave the database now.
                    attachments.Unpersist(inbound);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTurnFailed(ex, conversation.Id);
            }
        });

    /// <summary>Queues a delivery of proactive activities behind any running turn; completes when delivered.</summary>
    public Task SendAsync(DirectLineConversation conversation, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        EnqueueAsync(conversation.Id, stopping =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            Deliver(conversation, activities, confidential: false, alsoInTransaction: null);
            return Task.CompletedTask;
        });

    /// <summary>
    /// Queues one message behind any running turn and appends it with <paramref name="record"/> in the same
    /// transaction (<see cref="Bot.Dialogs.Engine.IRecordingChannelSender"/>); completes when both are stored.
    /// </summary>
    public Task SendRecordedAsync(DirectLineConversation conversation, Activity message, Action record, CancellationToken cancellationToken)
    {
        if (message.Type != ActivityTypes.Message)
        {
            throw new ArgumentException("Only a message is appended with a record.", nameof(message));
        }

        return EnqueueAsync(conversation.Id, stopping =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            feed.Append(conversation.Id, Outgoing(conversation, message), confidential: false, record);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Appends the bot's activities: no trace or conversationUpdate for the client, typing only live. Consecutive
    /// messages share one transaction; <paramref name="alsoInTransaction"/> (settling the turn's echo) joins the
    /// last one, or runs alone when there is nothing to store.
    /// </summary>
    private void Deliver(DirectLineConversation conversation, IReadOnlyList<Activity> activities, bool confidential, Action? alsoInTransaction)
    {
        var pending = new List<Activity>(activities.Count);
        foreach (var activity in activities)
        {
            if (activity.Type is ActivityTypes.Trace or ActivityTypes.ConversationUpdate or null)
            {
                continue;
            }

            if (activity.Type == ActivityTypes.Typing)
            {
                Flush(null);
                feed.PushLive(conversation.Id, Outgoing(conversation, activity));
            }
            else
            {
                pending.Add(Outgoing(conversation, activity));
            }
        }

        Flush(alsoInTransaction);

        void Flush(Action? withThis)
        {
            if (pending.Count > 0)
            {
                feed.AppendAll(conversation.Id, pending, confidential, withThis);
                pending.Clear();
            }
            else
            {
                withThis?.Invoke();
            }
        }
    }

    private void PushLive(DirectLineConversation conversation, IReadOnlyList<Activity> replies)
    {
        foreach (var reply in replies.Where(r => r.Type == ActivityTypes.Message))
        {
            try
            {
                feed.PushLive(conversation.Id, Outgoing(conversation, reply));
            }
            catch (Exception ex) when (ex is StorageUnavailableException or InvalidOperationException)
            {
                return;
            }
        }
    }

    private static Activity Outgoing(DirectLineConversation conversation, Activity activity) => activity with
    {
        ChannelId = DirectLineChannel.ChannelId,
        Conversation = DirectLineChannel.Conversation(conversation.Id),
        From = DirectLineChannel.Bot,
        Recipient = DirectLineChannel.User(conversation),
    };

    private Task EnqueueAsync(string conversationId, Func<CancellationToken, Task> work)
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

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Direct Line turn failed in conversation {ConversationId}")]
    private partial void LogTurnFailed(Exception exception, string conversationId);
}
