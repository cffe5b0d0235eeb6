using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Engine;

/// <summary>
/// The one way out for proactive messages: addresses the message to the stored reference, puts its delivery id on
/// it and hands it to the sender of the reference's channel (<see cref="IChannelSender"/>), which decides how its
/// record is written. Callers never ask which channel it is.
/// </summary>
public sealed class ProactiveMessenger(IEnumerable<IChannelSender> senders)
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
        return SenderFor(reference).DeliverAsync(reference, addressed, cancellationToken);
    }

    private IChannelSender SenderFor(ConversationReference reference) =>
        _senders.FirstOrDefault(s => s.CanDeliver(reference))
            ?? throw new InvalidOperationException($"No channel sender handles channel '{reference.ChannelId}'.");
}
