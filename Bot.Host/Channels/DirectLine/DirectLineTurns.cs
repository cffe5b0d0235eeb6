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
    DirectLineConversationQueue queue,
    ILogger<DirectLineTurns> logger)
{
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
        _ = queue.EnqueueAsync(conversation.Id, async cancellationToken =>
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

    /// <summary>The activities the log keeps, addressed from the bot: messages and the like, not typing, traces or conversationUpdates.</summary>
    private static List<Activity> Stored(DirectLineConversation conversation, IReadOnlyList<Activity> activities) =>
        [.. activities.Where(a => a.Type is not (ActivityTypes.Trace or ActivityTypes.ConversationUpdate or ActivityTypes.Typing or null)).Select(a => DirectLineChannel.FromBot(conversation, a))];

    /// <summary>Typing is pushed live only (as Azure does), before the messages it announces.</summary>
    private void PushTyping(DirectLineConversation conversation, IReadOnlyList<Activity> activities)
    {
        foreach (var typing in activities.Where(a => a.Type == ActivityTypes.Typing))
        {
            feed.PushLive(conversation.Id, DirectLineChannel.FromBot(conversation, typing));
        }
    }

    private void PushLive(DirectLineConversation conversation, IReadOnlyList<Activity> replies)
    {
        foreach (var reply in replies.Where(r => r.Type == ActivityTypes.Message))
        {
            try
            {
                feed.PushLive(conversation.Id, DirectLineChannel.FromBot(conversation, reply));
            }
            catch (Exception ex) when (ex is StorageUnavailableException or InvalidOperationException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Direct Line turn failed in conversation {ConversationId}")]
    private partial void LogTurnFailed(Exception exception, string conversationId);
}
