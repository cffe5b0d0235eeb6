using Bot.Dialogs.Activities;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Menu;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// The container every dialog runs in. It guards the stored stack against code changes (versions) and against the
/// wrong user (<see cref="StepAuthorisation"/>: the starter, holding the dialogs' roles, at every step), handles the
/// interruptions once for all dialogs ("batal", "bantuan", "menu", "kembali", and for forms "nanti"), and keeps
/// forms as drafts (<see cref="FormDrafts"/>): "menu" parks a form instead of discarding it, "lanjut" resumes it.
/// </summary>
internal sealed class DialogRunner(DialogSet dialogs, SinergiDatabase database, FormDrafts drafts)
{
    public DialogContext CreateContext(TurnContext turn) => new(dialogs, turn, database.Mapper);

    /// <summary>
    /// Starts a dialog on top of whatever is active (normally nothing), when the user holds its role. A form the user
    /// already has a draft of is not started over: they are offered to resume or discard the draft.
    /// </summary>
    public async Task<DialogTurnResult> BeginAsync(TurnContext turn, string dialogId, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (dialogs.Find(dialogId)?.RequiredRole is { } role && !StepAuthorisation.Holds(turn.User, role))
        {
            turn.SendText(StepAuthorisation.Refusal(role), RoleSuggestions.For(turn));
            return DialogTurnResult.Empty;
        }

        var dc = CreateContext(turn);
        if (dialogs.Find(dialogId) is IDraftForm && drafts.Existing(turn, dialogId) is { } existing)
        {
            turn.SendText(turn.F(FormTexts.DraftExists, new Markdown(existing.Title)), [turn.T(FormTexts.ResumeButton)]);
            return DialogTurnResult.Empty;
        }

        var formAtStart = drafts.FormOf(dc.Stack);
        var result = await dc.BeginAsync(dialogId, options, cancellationToken);
        drafts.AfterTurn(dc, formAtStart, parked: false);
        return result;
    }

    /// <summary>Gives a message to the active dialog (or resumes a draft); false when neither applies.</summary>
    public async Task<bool> ContinueAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return false;
        }

        var dc = CreateContext(turn);
        if (turn.State.Stack.Count == 0)
        {
            return await drafts.TryHandleAsync(dc, d => StackMatchesCode(d.Stack), cancellationToken);
        }

        var formAtStart = drafts.FormOf(turn.State.Stack);
        if (!StackMatchesCode(turn.State.Stack))
        {
            turn.State.Stack.Clear();
            turn.SendText(EngineTexts.FlowChanged, RoleSuggestions.For(turn));
            drafts.AfterTurn(dc, formAtStart, parked: false);
            return true;
        }

        if (formAtStart is not null && drafts.IsStale(turn, formAtStart))
        {
            // Resumed (or finished) in another conversation since: this copy must not be saved a second time.
            turn.State.Stack.Clear();
            turn.SendText(FormTexts.MovedElsewhere, RoleSuggestions.For(turn));
            return true;
        }

        switch (StepAuthorisation.Check(turn, turn.State.Stack, dialogs))
        {
            case (StepAuthorisation.Verdict.NotTheStarter, _):
                // Someone else's form stays as it is; this message answers nothing in it.
                turn.SendText(EngineTexts.NotYourForm);
                return true;
            case (StepAuthorisation.Verdict.RoleMissing, { } role):
                turn.State.Stack.Clear();
                turn.SendText(StepAuthorisation.Refusal(role), RoleSuggestions.For(turn));
                drafts.AfterTurn(dc, formAtStart, parked: false);
                return true;
        }

        var parked = false;
        switch (InterruptionWords.Classify(turn.Text))
        {
            case Interruption.Cancel:
                dc.CancelAll();
                turn.SendText(EngineTexts.Cancelled, RoleSuggestions.For(turn));
                break;
            case Interruption.Menu when formAtStart is not null:
                drafts.Park(dc);
                parked = true;
                turn.SendText(turn.T(MenuTexts.Help), RoleSuggestions.For(turn));
                break;
            case Interruption.Menu:
                dc.CancelAll();
                turn.SendText(turn.T(EngineTexts.LeftForMenu) + "\n\n" + turn.T(MenuTexts.Help), RoleSuggestions.For(turn));
                break;
            case Interruption.Park when formAtStart is not null:
                drafts.Park(dc);
                parked = true;
                break;
            case Interruption.Help:
                turn.SendText(HelpFor(dc) + "\n\n" + turn.T(EngineTexts.HelpFooter));
                await dc.RepromptAsync(cancellationToken);
                break;
            case Interruption.Back:
                if (!await TryStepBackAsync(dc, cancellationToken))
                {
                    turn.SendText(EngineTexts.AtFirstQuestion);
                    await dc.RepromptAsync(cancellationToken);
                }

                break;
            default:
                await dc.ContinueAsync(cancellationToken);
                break;
        }

        drafts.AfterTurn(dc, formAtStart, parked);
        return true;
    }

    private bool StackMatchesCode(List<DialogFrame> stack) =>
        stack.All(frame => dialogs.Find(frame.DialogId) is { } dialog && dialog.Version == frame.DialogVersion);

    /// <summary>The pending question's help (what it accepts), else the general help.</summary>
    private static string HelpFor(DialogContext dc) => dc.ActiveDialog?.Help(dc) ?? dc.Turn.T(MenuTexts.Help);

    /// <summary>Goes back in the innermost dialog that has an earlier question, dropping the frames above it.</summary>
    private async Task<bool> TryStepBackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        for (var i = dc.Stack.Count - 1; i >= 0; i--)
        {
            if (dialogs.Find(dc.Stack[i].DialogId) is IStepBack back && await back.TryStepBackAsync(dc, i, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
