using System.Collections.Concurrent;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Tests.Reminders;

/// <summary>A channel that accepts everything on "test" and remembers it, or fails while told to.</summary>
internal sealed class RecordingChannel : IChannelSender
{
    private readonly ConcurrentQueue<Activity> _sent = new();

    /// <summary>When set, every send throws this instead of delivering.</summary>
    public Func<Exception>? Failure { get; set; }

    /// <summary>Runs after the activities were accepted, before the call returns (to simulate a crash there).</summary>
    public Action? AfterAccept { get; set; }

    public IReadOnlyList<Activity> Sent => [.. _sent];

    public bool CanDeliver(ConversationReference reference) => reference.ChannelId == "test";

    /// <summary>At least once, like the Connector: the record is written after the message was accepted.</summary>
    public Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
        {
            throw failure();
        }

        _sent.Enqueue(message.Activity);
        if (AfterAccept is { } afterAccept)
        {
            afterAccept();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return message.Record.WriteAfterSendAsync(cancellationToken);
    }

    public IReadOnlyList<Activity> SentTo(string account) => Sent.Where(a => a.Recipient?.Id == account).ToList();

    public void Clear() => _sent.Clear();
}
