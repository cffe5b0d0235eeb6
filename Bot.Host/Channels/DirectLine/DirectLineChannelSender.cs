using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Proactive delivery to a web chat: appended to the conversation's log behind any running turn, pushed to open sockets.</summary>
internal sealed class DirectLineChannelSender(DirectLineStore store, DirectLineTurns turns) : IChannelSender
{
    public bool CanDeliver(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.ChannelId == DirectLineChannel.ChannelId;
    }

    public Task SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activities);
        var conversation = store.Find(reference.Conversation.Id ?? string.Empty)
            ?? throw new InvalidOperationException("The web chat conversation no longer exists (deleted after being idle).");
        return turns.SendAsync(conversation, activities, cancellationToken);
    }
}
