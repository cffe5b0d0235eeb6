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

    /// <summary>
    /// Queues a turn behind any running work of the conversation; completes once it is durable. The user's activity
    /// (when <paramref name="echo"/>: a message the user posted, with its id given at the POST) is stored together
    /// with the bot's replies, the turn's state and everything the turn wrote, in one commit
    /// (<see cref="TurnProcessor.ProcessAsync(Activity, Action{TurnResult}?, CancellationToken)"/>); only then are
    /// they pushed to the sockets. A confidential turn (a tip) has its echo and replies stored redacted from the
    /// start. Completes with whether the turn was kept (false: the storage could not write; the open sockets then
    /// hear the apology, unstored).
    /// </summary>
    public Task<bool> RunTurnAsync(DirectLineConversation conversation, Activity inbound, bool echo)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = EnqueueAsync(conversation.Id, async cancellationToken =>
        {
            using var span = SinergiTelemetry.StartChannel(DirectLineChannel.ChannelId);
            try
            {
                var stamped = inbound;
                StagedActivities? staged = null;
                var result = await processor.ProcessAsync(
                    stamped,
                    turn => staged = feed.Stage(
                        conversation.Id,
                        [.. echo ? [stamped] : Array.Empty<Activity>(), .. Stored(conversation, turn.Replies)],
                        turn.Confidential,
                        change: record => record.Confidential = turn.Confidential),
                    cancellationToken);
                if (!result.Saved)
                {
                    // Nothing was kept: the open sockets still hear the apology, unstored.
                    if (staged is not null)
                    {
                        feed.Discard(staged);
                    }

                    PushLive(conversation, result.Replies);
                    done.TrySetResult(false);
                    return;
                }

                PushTyping(conversation, result.Replies);
                if (staged is not null)
                {
                    feed.Publish(staged);
                }

                if (result.Confidential)
                {
                    // The files this turn could read (the tip photo with its EXIF) leave the database now.
                    attachments.Unpersist(stamped);
                }

                done.TrySetResult(true);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTurnFailed(ex, conversation.Id);
                done.TrySetException(ex);
            }
            catch (OperationCanceledException ex)
            {
                done.TrySetCanceled(ex.CancellationToken);
            }
        });
        return done.Task;
    }

    /// <summary>Queues a delivery of proactive activities behind any running turn; completes when delivered.</summary>
    public Task SendAsync(DirectLineConversation conversation, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        EnqueueAsync(conversation.Id, stopping =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            Deliver(conversation, activities);
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
    /// Appends the bot's proactive activities: no trace or conversationUpdate for the client, typing only live.
    /// Consecutive messages share one transaction.
    /// </summary>
    private void Deliver(DirectLineConversation conversation, IReadOnlyList<Activity> activities)
    {
        PushTyping(conversation, activities);
        var stored = Stored(conversation, activities);
        if (stored.Count > 0)
        {
            feed.AppendAll(conversation.Id, stored, confidential: false);
        }
    }

    /// <summary>The activities the log keeps, addressed from the bot: messages and the like, not typing, traces or conversationUpdates.</summary>
    private static List<Activity> Stored(DirectLineConversation conversation, IReadOnlyList<Activity> activities) =>
        [.. activities.Where(a => a.Type is not (ActivityTypes.Trace or ActivityTypes.ConversationUpdate or ActivityTypes.Typing or null)).Select(a => Outgoing(conversation, a))];

    /// <summary>Typing is pushed live only (as Azure does), before the messages it announces.</summary>
    private void PushTyping(DirectLineConversation conversation, IReadOnlyList<Activity> activities)
    {
        foreach (var typing in activities.Where(a => a.Type == ActivityTypes.Typing))
        {
            feed.PushLive(conversation.Id, Outgoing(conversation, typing));
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
