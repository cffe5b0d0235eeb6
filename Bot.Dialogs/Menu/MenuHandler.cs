using Bot.Dialogs.Engine;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Menu;

/// <summary>
/// The conversation around the commands: greetings, thanks, help that fits the user's role, what Sinergi is, the
/// invitation to ask, "menu", and "batal"/"kembali" when no form is open; also the "not understood" answer.
/// </summary>
internal sealed class MenuHandler : IIntentHandler
{
    public Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        var role = turn.User?.Role;
        var suggestions = RoleSuggestions.For(turn);
        switch (understood.Intent)
        {
            case Intents.Greeting:
                turn.SendText(turn.T(MenuTexts.Welcome), suggestions);
                break;
            case Intents.Thanks:
                turn.SendText(MenuTexts.YoureWelcome, suggestions);
                break;
            case Intents.About:
                turn.SendText(MenuTexts.About, suggestions);
                break;
            case Intents.AskLaw:
                turn.SendText(MenuTexts.AskLaw, suggestions);
                break;
            case Intents.Cancel or Intents.Back or Intents.Later:
                turn.SendText(turn.T(understood.Intent == Intents.Later ? MenuTexts.NothingToKeep : MenuTexts.NothingOpen) + "\n\n" + turn.T(MenuTexts.HelpFor(role)), suggestions);
                break;
            default:
                turn.SendText(MenuTexts.HelpFor(role), suggestions);
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>"Not understood", then what the user can do.</summary>
    public static void NotUnderstood(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var role = turn.User?.Role;
        turn.SendText(turn.T(MenuTexts.NotUnderstood) + " " + turn.T(MenuTexts.TypeHelp) + "\n\n" + turn.T(MenuTexts.HelpFor(role)), RoleSuggestions.For(turn));
    }
}
