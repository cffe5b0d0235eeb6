using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Engine;

/// <summary>
/// Delivers one proactive message (a reminder, a notice, an alert) into an existing conversation, outside a turn.
/// Every channel has the same contract; what differs is how strong the guarantee can be:
/// <list type="bullet">
/// <item>A channel whose transcript lives in this database (Direct Line) stores the message and calls
/// <see cref="IDeliveryRecord.WriteWithMessage"/> in one transaction: exactly once.</item>
/// <item>Any other channel (Connector, WhatsApp) sends the message carrying <see cref="ProactiveMessage.DeliveryId"/>
/// where its receiver can see it, then calls <see cref="IDeliveryRecord.WriteAfterSendAsync"/>: at least once, and a
/// repeat after a crash in between carries the same id, so the receiver can de-duplicate.</item>
/// </list>
/// </summary>
public interface IChannelSender
{
    /// <summary>True when this sender delivers to the reference's channel.</summary>
    bool CanDeliver(ConversationReference reference);

    /// <summary>
    /// Delivers the message and writes its record; throws when the channel refused or could not be reached (the
    /// record is then not written).
    /// </summary>
    Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken);
}
