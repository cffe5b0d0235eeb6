using Bot.Dialogs.Engine;

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
            _ => null,
        };
        if (text is null)
        {
            return Task.FromResult(false);
        }

        turn.SendText(text, MenuTexts.MainSuggestions(turn.IsEnglish));
        return Task.FromResult(true);
    }
}
