using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Proactive delivery to a web chat: appended to the conversation's log behind any running turn, pushed to open
/// sockets. The log is in the process database, so a reminder's "sent" mark can share the append's transaction.
/// </summary>
internal sealed class DirectLineChannelSender(IDirectLineStore store, DirectLineTurns turns) : IRecordingChannelSender
{
    public bool CanDeliver(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.ChannelId == DirectLineChannel.ChannelId;
    }

    public Task SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return turns.SendAsync(Conversation(reference), activities, cancellationToken);
    }

    public Task SendRecordedAsync(ConversationReference reference, Activity activity, Action record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(record);
        return turns.SendRecordedAsync(Conversation(reference), activity, record, cancellationToken);
    }

    private DirectLineConversation Conversation(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return store.Find(reference.Conversation.Id ?? string.Empty)
            ?? throw new InvalidOperationException("The web chat conversation no longer exists (deleted after being idle).");
    }
}
