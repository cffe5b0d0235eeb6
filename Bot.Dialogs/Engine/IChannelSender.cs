using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Engine;

/// <summary>Delivers activities into an existing conversation outside a turn (reminders, notifications).</summary>
public interface IChannelSender
{
    /// <summary>True when this sender delivers to the reference's channel.</summary>
    bool CanDeliver(ConversationReference reference);

    /// <summary>Delivers in order; throws when the channel refused or could not be reached.</summary>
    Task SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
