using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Engine;

/// <summary>
/// A channel whose transcript lives in the process database (the built-in Direct Line). It stores a proactive
/// activity and the caller's own bookkeeping in one transaction, so after a crash either both happened or
/// neither did: the one channel where a reminder can be delivered exactly once.
/// </summary>
public interface IRecordingChannelSender : IChannelSender
{
    /// <summary>
    /// Stores and delivers <paramref name="activity"/>; <paramref name="record"/> runs inside the transaction that
    /// stores it. A throw from <paramref name="record"/> stores nothing and comes back to the caller.
    /// </summary>
    Task SendRecordedAsync(ConversationReference reference, Activity activity, Action record, CancellationToken cancellationToken);
}
