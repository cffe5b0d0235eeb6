using Bot.Dialogs.Activities;
using Bot.Dialogs.Menu;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// The container every dialog runs in. It guards the stored stack against code changes (versions) and against the
/// wrong user (<see cref="StepAuthorisation"/>: the starter, holding the dialogs' roles, at every step), and handles
/// the interruptions once for all dialogs: "batal", "bantuan", "menu" and "kembali" at any question.
/// </summary>
internal sealed class DialogRunner(DialogSet dialogs, SinergiDatabase database)
{
    public DialogContext CreateContext(TurnContext turn) => new(dialogs, turn, database.Mapper);

    /// <summary>Starts a dialog on top of whatever is active (normally nothing), when the user holds its role.</summary>
    public Task<DialogTurnResult> BeginAsync(TurnContext turn, string dialogId, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (dialogs.Find(dialogId)?.RequiredRole is { } role && !StepAuthorisation.Holds(turn.User, role))
        {
            turn.SendText(StepAuthorisation.Refusal(role), MenuTexts.MainSuggestions(turn.IsEnglish));
            return Task.FromResult(DialogTurnResult.Empty);
        }

        return CreateContext(turn).BeginAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Gives a message to the active dialog; false when no dialog is active.</summary>
    public async Task<bool> ContinueAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.State.Stack.Count == 0 || turn.Activity.Type != ActivityTypes.Message)
        {
            return false;
        }

        if (!StackMatchesCode(turn.State.Stack))
        {
            turn.State.Stack.Clear();
            turn.SendText(EngineTexts.FlowChanged, MenuTexts.MainSuggestions(turn.IsEnglish));
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
                turn.SendText(StepAuthorisation.Refusal(role), MenuTexts.MainSuggestions(turn.IsEnglish));
                return true;
        }

        var dc = CreateContext(turn);
        switch (InterruptionWords.Classify(turn.Text))
        {
            case Interruption.Cancel:
                dc.CancelAll();
                turn.SendText(EngineTexts.Cancelled, MenuTexts.MainSuggestions(turn.IsEnglish));
                break;
            case Interruption.Menu:
                dc.CancelAll();
                turn.SendText(turn.T(EngineTexts.LeftForMenu) + "\n\n" + turn.T(MenuTexts.Help), MenuTexts.MainSuggestions(turn.IsEnglish));
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

        return true;
    }

    private bool StackMatchesCode(List<DialogFrame> stack) =>
        stack.All(frame => dialogs.Find(frame.DialogId) is { } dialog && dialog.Version == frame.DialogVersion);

    /// <summary>The pending question's help (what it accepts), else the general help.</summary>
    private static string HelpFor(DialogContext dc) => dc.ActiveDialog?.Help(dc) ?? dc.Turn.T(MenuTexts.Help);

    /// <summary>Goes back in the innermost waterfall that has an earlier question, dropping the frames above it.</summary>
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
