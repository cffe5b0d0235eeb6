using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Engine;

/// <summary>
/// A feature's entry point: the routing table (<see cref="Routing.RoutingTable"/>) hands it the messages whose
/// understood intent it owns, with the entities already read, so it never parses the text again.
/// </summary>
public interface IIntentHandler
{
    Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken);
}
