using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Telemetry;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Runs the bot for Direct Line conversations and appends what the bot said to the feed. The HTTP request that
/// caused the turn waits for it (<see cref="PostedActivity"/>); the turn pipeline keeps the conversation's turns in
/// the order they were posted.
/// </summary>
internal sealed partial class DirectLineTurns(
    TurnProcessor processor,
    ActivityFeed feed,
    DirectLineAttachments attachments,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineTurns> logger)
{
    /// <summary>
    /// Runs a turn after any work of the conversation asked for before it (its place in line is taken before this
    /// method returns); completes once it is durable. The user's activity
    /// (when <paramref name="echo"/>: a message the user posted, with its id given at the POST) is stored together
    /// with the bot's replies, the turn's state and everything the turn wrote, in one commit
    /// (<see cref="TurnProcessor.ProcessAsync(Activity, Action{TurnResult}?, Func{TurnResult, CancellationToken, Task}?, CancellationToken)"/>); only then are
    /// they pushed to the sockets. A confidential turn (a tip) has its echo and replies stored redacted from the
    /// start. An activity posted again (the same <c>clientActivityID</c>, <see cref="InboundActivityIds"/>) whose first
    /// turn was kept runs nothing and stores nothing: its echo and replies are in the log already. Completes with whether the turn was kept (false: the storage could not write; the open sockets then
    /// hear the apology, unstored). A turn kept whose delivery to the sockets then threw still counts as kept: its
    /// entries are in the log, where a reconnecting socket or a poll reads them.
    /// </summary>
    public async Task<bool> RunTurnAsync(DirectLineConversation conversation, Activity inbound, bool echo)
    {
        using var span = SinergiTelemetry.StartChannel(DirectLineChannel.ChannelId);
        StagedActivities? staged = null;
        var kept = false;
        try
        {
            var result = await processor.ProcessAsync(
                inbound,
                turn => staged = turn.Repeated ? null : feed.Stage(
                    conversation.Id,
                    [.. echo ? [inbound] : Array.Empty<Activity>(), .. Stored(conversation, turn.Replies)],
                    turn.Confidential,
                    change: record => Change(record, turn.Confidential, inbound, echo)),
                (turn, _) =>
                {
                    kept = turn.Saved;
                    Deliver(conversation, inbound, turn, staged);
                    return Task.CompletedTask;
                },
                lifetime.ApplicationStopping);
            return result.Saved;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTurnFailed(ex, conversation.Id);
            if (kept)
            {
                return true;
            }

            throw;
        }
    }

    /// <summary>
    /// After the commit, still in the conversation's place in line: the sockets get the turn's typing and then what
    /// was stored. A turn that was not kept has its staged entries dropped and the apology pushed live, unstored.
    /// </summary>
    private void Deliver(DirectLineConversation conversation, Activity inbound, TurnResult result, StagedActivities? staged)
    {
        if (!result.Saved)
        {
            if (staged is not null)
            {
                feed.Discard(staged);
            }

            PushLive(conversation, result.Replies);
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
            attachments.Unpersist(inbound);
        }
    }

    /// <summary>
    /// What the turn changes in the conversation's record, written with its commit (true when anything changed): that it
    /// started (the welcome turn, with the locale the start asked for; or a message kept while the welcome was not), whether
    /// it was confidential, and after the user's first message that the conversation is in use (it then keeps the
    /// ordinary retention). A turn not kept changes none of them, and its POST is refused (503), so the user sends again.
    /// </summary>
    private static bool Change(DirectLineConversation record, bool confidential, Activity inbound, bool userPosted)
    {
        var starts = !record.Started;
        var changed = starts || record.Confidential != confidential || (userPosted && record.AwaitingFirstMessage);
        if (starts)
        {
            record.Started = true;
            record.Locale = userPosted ? record.Locale : inbound.Locale ?? record.Locale;
        }

        record.Confidential = confidential;
        record.AwaitingFirstMessage &= !userPosted;
        return changed;
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
