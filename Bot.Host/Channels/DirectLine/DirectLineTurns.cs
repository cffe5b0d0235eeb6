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
    /// <summary>Queues a turn for an activity already in the log; failures are logged, never thrown.</summary>
    public void EnqueueTurn(DirectLineConversation conversation, Activity inbound) =>
        _ = queue.EnqueueAsync(conversation.Id, async cancellationToken =>
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
                feed.PushLive(conversation.Id, DirectLineChannel.FromBot(conversation, activity));
            }
            else
            {
                pending.Add(DirectLineChannel.FromBot(conversation, activity));
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
