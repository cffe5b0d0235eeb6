using Bot.Dialogs.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Dialogs.Engine;

/// <summary>Sends proactive messages through whichever channel sender handles the stored reference.</summary>
/// <remarks>
/// Senders are resolved on first use, not in the constructor: a channel's sender runs turns (Direct Line queues
/// them behind its own), and turns send proactive notices, so eager resolution would be a dependency cycle.
/// </remarks>
public sealed class ProactiveMessenger(IServiceProvider services)
{
    private readonly Lazy<IReadOnlyList<IChannelSender>> _senders =
        new(() => services.GetServices<IChannelSender>().ToList());

    public Task SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activities);
        var sender = _senders.Value.FirstOrDefault(s => s.CanDeliver(reference))
            ?? throw new InvalidOperationException($"No channel sender handles channel '{reference.ChannelId}'.");
        var addressed = activities.Select(a => reference.ApplyTo(a, asReply: false)).ToList();
        return sender.SendAsync(reference, addressed, cancellationToken);
    }
}
