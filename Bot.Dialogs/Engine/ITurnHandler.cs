namespace Bot.Dialogs.Engine;

/// <summary>
/// A plug-in that looks at each message itself, before the understood intent is routed (tests and extensions use
/// it). Plug-ins are asked in registration order; the first that returns true has handled the message. Features
/// implement <see cref="IIntentHandler"/> instead; regulation Q&amp;A is the one feature the routing table names
/// as an <see cref="ITurnHandler"/> (it answers whatever text it is given).
/// </summary>
public interface ITurnHandler
{
    /// <summary>Handles the message and returns true, or returns false to let routing continue.</summary>
    Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
