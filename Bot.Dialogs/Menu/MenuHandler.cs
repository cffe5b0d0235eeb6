using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Enrollment;

namespace Bot.Dialogs.Menu;

/// <summary>Answers the menu words: help, about, greetings.</summary>
internal sealed class MenuHandler : ITurnHandler
{
    public int Order => 100;

    public Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = MenuWords.Classify(turn.Text) switch
        {
            MenuWord.Help => MenuTexts.Help,
            MenuWord.About => MenuTexts.About,
            MenuWord.Greeting => MenuTexts.Welcome,
            MenuWord.AskLaw => MenuTexts.AskLaw,
            _ => null,
        };
        if (text is null)
        {
            return Task.FromResult(false);
        }

        var commands = text == MenuTexts.Help ? RoleCommands(turn) : null;
        turn.SendText(commands is null ? turn.T(text) : turn.T(text) + "\n\n" + turn.T(commands), RoleSuggestions.For(turn));
        return Task.FromResult(true);
    }

    private static LocalizedText? RoleCommands(TurnContext turn) => turn.User?.Role switch
    {
        Role.Fokal => MenuTexts.FokalCommands,
        Role.Koordinator => MenuTexts.CoordinatorCommands,
        _ => null,
    };
}
