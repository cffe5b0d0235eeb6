using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Engine;

/// <summary>What one turn produced, handed back to the channel for delivery after the state was committed.</summary>
public sealed record TurnResult(TurnStatus Status, IReadOnlyList<Activity> Replies, InvokeResponse? InvokeResponse = null)
{
    public static TurnResult Duplicate { get; } = new(TurnStatus.Duplicate, []);

    /// <summary>
    /// The turn was marked confidential (<see cref="TurnContext.MarkConfidential"/>): channels deliver the replies
    /// but must not keep the inbound activity's content, the replies' content or the files the turn read.
    /// </summary>
    public bool Confidential { get; init; }

    /// <summary>
    /// False when nothing of the turn was kept, not even what the channel asked to record with it: the storage could
    /// not write (a full disk), or the turn could not run now (<see cref="TurnStatus.Busy"/>). The replies are an
    /// apology to show without storing.
    /// </summary>
    public bool Saved { get; init; } = true;

    /// <summary>
    /// The activity was processed before and nothing ran: <see cref="TurnStatus.Duplicate"/>, or the answer the first
    /// run gave, given again (<see cref="ITurnReplay"/>). A channel that recorded the first run's replies with it (the
    /// Direct Line transcript) records nothing again.
    /// </summary>
    public bool Repeated => Status == TurnStatus.Duplicate || Replayed;

    /// <summary>The replies are the first run's answer given again (<see cref="ITurnReplay"/>); nothing ran.</summary>
    public bool Replayed { get; init; }
}

/// <summary>How a turn ended.</summary>
public enum TurnStatus
{
    /// <summary>The bot ran and its state was saved.</summary>
    Completed,

    /// <summary>The activity id was processed before; nothing ran.</summary>
    Duplicate,

    /// <summary>The bot threw; the user got one apology and the dialog stack was cleared.</summary>
    Failed,

    /// <summary>The sender is over the rate limit; nothing ran or was stored (the user is told once per wait).</summary>
    Throttled,

    /// <summary>
    /// The turn could not run now (its attempts met concurrent changes or ran out of time on a starved machine):
    /// nothing was kept, the state stays where it was, and the user is asked to send the message again.
    /// </summary>
    Busy,
}
