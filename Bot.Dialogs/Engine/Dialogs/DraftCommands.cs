using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// The kept drafts outside a form: "lanjut" (draft.resume) brings the newest back where it stopped, "buang draf"
/// (draft.discard) throws it away. Inside a form, "nanti" and "menu" park it (<see cref="DialogRunner"/>).
/// </summary>
internal sealed class DraftCommands(DialogRunner dialogs) : IIntentHandler
{
    public async Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        if (understood.Intent == Intents.DiscardDraft)
        {
            dialogs.DiscardDraft(turn);
            return;
        }

        await dialogs.ResumeDraftAsync(turn, cancellationToken);
    }
}
