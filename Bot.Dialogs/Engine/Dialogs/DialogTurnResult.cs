namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>What happened to the stack during a call into a dialog.</summary>
internal sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);

    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);

    public static DialogTurnResult Cancelled { get; } = new(DialogTurnStatus.Cancelled);
}

internal enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>A dialog asked something and waits for the next message.</summary>
    Waiting,

    /// <summary>The stack emptied normally; <see cref="DialogTurnResult.Result"/> is the root's result.</summary>
    Complete,

    /// <summary>The stack was cancelled (by the user, or after too many failed attempts).</summary>
    Cancelled,
}
