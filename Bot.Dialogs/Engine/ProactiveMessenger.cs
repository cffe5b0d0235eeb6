using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Engine;

/// <summary>Sends proactive messages through whichever channel sender handles the stored reference.</summary>
public sealed class ProactiveMessenger(IEnumerable<IChannelSender> senders)
{
    private readonly IReadOnlyList<IChannelSender> _senders = senders.ToList();

    public Task SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activities);
        var sender = _senders.FirstOrDefault(s => s.CanDeliver(reference))
            ?? throw new InvalidOperationException($"No channel sender handles channel '{reference.ChannelId}'.");
        var addressed = activities.Select(a => reference.ApplyTo(a, asReply: false)).ToList();
        return sender.SendAsync(reference, addressed, cancellationToken);
    }
}
