using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Tests.Support;

/// <summary>A channel sender for the "test" channel that records what it delivers, or fails when told to.</summary>
public sealed class RecordingChannelSender : IChannelSender
{
    private readonly List<(ConversationReference Reference, Activity Activity)> _sent = [];

    public bool Fail { get; set; }

    public IReadOnlyList<(ConversationReference Reference, Activity Activity)> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public bool CanDeliver(ConversationReference reference) => reference.ChannelId == "test";

    public Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new HttpRequestException("The channel is down.");
        }

        lock (_sent)
        {
            _sent.Add((reference, message.Activity));
        }

        return message.Record.WriteAfterSendAsync(cancellationToken);
    }
}
