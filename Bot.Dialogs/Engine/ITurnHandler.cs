namespace Bot.Dialogs.Engine;

/// <summary>
/// A feature's entry point into the router: commands, keywords and, last of all, questions. The router asks
/// handlers in ascending <see cref="Order"/> until one claims the message.
/// </summary>
public interface ITurnHandler
{
    /// <summary>Lower runs first: commands before keywords before free-text question answering.</summary>
    int Order { get; }

    /// <summary>Handles the message and returns true, or returns false to let the next handler try.</summary>
    Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
