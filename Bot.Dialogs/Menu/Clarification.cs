using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Menu;

/// <summary>
/// "Maksud Anda: *Rencana aksi baru* atau *Lapor progres*?": the likely intents as buttons, each sending the typed
/// command (with the codes the message carried), which the bot then understands with certainty.
/// </summary>
internal static class Clarification
{
    /// <summary>Asks, or returns false when none of the intents has a command a button could send.</summary>
    public static bool TryAsk(TurnContext turn, Interpretation understood)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        var english = turn.IsEnglish;
        var options = understood.Alternatives
            .Select(IntentCatalog.Get)
            .Select(d => (Label: turn.T(d.Label), Command: d.CommandFor(understood.Entities, english)))
            .Where(o => o.Command is not null)
            .DistinctBy(o => o.Command, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (options.Count == 0)
        {
            return false;
        }

        var question = options.Count switch
        {
            1 => turn.F(MenuTexts.Clarify1, options[0].Label),
            2 => turn.F(MenuTexts.Clarify2, options[0].Label, options[1].Label),
            _ => turn.F(MenuTexts.Clarify3, options[0].Label, options[1].Label, options[2].Label),
        };
        turn.Send(new Activity
        {
            Type = ActivityTypes.Message,
            Text = question,
            TextFormat = "markdown",
            SuggestedActions = new SuggestedActions { Actions = [.. options.Select(o => CardAction.ImBack(o.Label, o.Command))] },
        });
        return true;
    }
}
