namespace Bot.Dialogs.Engine;

/// <summary>The conversation logic run once per turn, after state is loaded and before it is saved.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
