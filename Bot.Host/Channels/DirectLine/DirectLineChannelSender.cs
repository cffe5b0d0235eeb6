using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Proactive delivery to a web chat: appended to the conversation's log and pushed to open sockets, in the
/// conversation's place in line (the turn pipeline's <see cref="ConversationSequencer"/>, through
/// <see cref="ProactiveMessenger"/>). The log is in the process database, so the caller's record (a reminder's "sent" mark) is written in
/// the append's transaction: after a crash both happened or neither did, which makes it exactly once.
/// </summary>
internal sealed class DirectLineChannelSender(IDirectLineStore store, ActivityFeed feed) : IChannelSender
{
    public bool CanDeliver(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.ChannelId == DirectLineChannel.ChannelId;
    }

    public Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var conversation = Conversation(reference);
        feed.Append(conversation.Id, DirectLineChannel.FromBot(conversation, message.Activity), confidential: false, message.Record.WriteWithMessage);
        return Task.CompletedTask;
    }

    private DirectLineConversation Conversation(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return store.Find(reference.Conversation.Id ?? string.Empty)
            ?? throw new InvalidOperationException("The web chat conversation no longer exists (deleted after being idle).");
    }
}
