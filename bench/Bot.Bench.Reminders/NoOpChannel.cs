using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Bench.Reminders;

/// <summary>A channel that accepts everything, after an optional simulated network latency.</summary>
internal sealed class NoOpChannel(TimeSpan latency) : IChannelSender
{
    private int _activities;

    public int Activities => _activities;

    public bool CanDeliver(ConversationReference reference) => true;

    public async Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
    {
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }

        Interlocked.Increment(ref _activities);
        await message.Record.WriteAfterSendAsync(cancellationToken);
    }
}
