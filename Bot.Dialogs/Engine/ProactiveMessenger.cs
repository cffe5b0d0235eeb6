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
        var addressed = activities.Select(a => reference.ApplyTo(a, asReply: false)).ToList();
        return SenderFor(reference).SendAsync(reference, addressed, cancellationToken);
    }

    /// <summary>True when the reference's channel can store a message and the caller's record in one transaction.</summary>
    public bool CanRecord(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return SenderFor(reference) is IRecordingChannelSender;
    }

    /// <summary>
    /// Sends one activity through a channel that keeps its transcript in this database, running
    /// <paramref name="record"/> in the transaction that stores it (<see cref="IRecordingChannelSender"/>).
    /// </summary>
    public Task SendRecordedAsync(ConversationReference reference, Activity activity, Action record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        var sender = SenderFor(reference) as IRecordingChannelSender
            ?? throw new InvalidOperationException($"Channel '{reference.ChannelId}' cannot record a delivery in the database.");
        return sender.SendRecordedAsync(reference, reference.ApplyTo(activity, asReply: false), record, cancellationToken);
    }

    private IChannelSender SenderFor(ConversationReference reference) =>
        _senders.Value.FirstOrDefault(s => s.CanDeliver(reference))
            ?? throw new InvalidOperationException($"No channel sender handles channel '{reference.ChannelId}'.");
}
