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

    public Task SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new HttpRequestException("The channel is down.");
        }

        lock (_sent)
        {
            _sent.AddRange(activities.Select(a => (reference, a)));
        }

        return Task.CompletedTask;
    }
}
