using Bot.Dialogs.Engine;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Menu;

/// <summary>
/// The people and identity commands (issue 15) are understood already; until their handlers exist, the user hears
/// plainly that the feature is not in the chat yet, rather than a guess at something else.
/// </summary>
internal sealed class PendingFeatureHandler : IIntentHandler
{
    public Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        turn.SendText(turn.F(MenuTexts.Pending, turn.T(understood.Definition.Label)), MenuTexts.Suggestions(turn.User?.Role, turn.IsEnglish));
        return Task.CompletedTask;
    }
}
