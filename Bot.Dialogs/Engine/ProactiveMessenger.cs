using Bot.Dialogs.Activities;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine;

/// <summary>
/// The one way out for proactive messages: addresses the message to the stored reference, puts its delivery id on
/// it and hands it to the sender of the reference's channel (<see cref="IChannelSender"/>), which decides how its
/// record is written. Callers never ask which channel it is. The delivery takes its place in the conversation's line
/// (<see cref="ConversationSequencer"/>), so it never lands between a user's message and the answer to it.
/// </summary>
public sealed class ProactiveMessenger(IEnumerable<IChannelSender> senders, ConversationSequencer sequencer)
{
    private readonly IReadOnlyList<IChannelSender> _senders = [.. senders];

    public Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Activity.Type != ActivityTypes.Message)
        {
            throw new ArgumentException("A proactive delivery is one message.", nameof(message));
        }

        var addressed = message with { Activity = reference.ApplyTo(message.Identified(), asReply: false) };
        var sender = SenderFor(reference);
        var conversationKey = ConversationKeys.For(reference.ChannelId ?? string.Empty, reference.Conversation?.Id ?? string.Empty);
        return sequencer.RunAsync(conversationKey, () => sender.DeliverAsync(reference, addressed, cancellationToken));
    }

    private IChannelSender SenderFor(ConversationReference reference) =>
        _senders.FirstOrDefault(s => s.CanDeliver(reference))
            ?? throw new InvalidOperationException($"No channel sender handles channel '{reference.ChannelId}'.");
}
