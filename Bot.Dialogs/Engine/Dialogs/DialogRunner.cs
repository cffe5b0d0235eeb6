using Bot.Dialogs.Activities;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Menu;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// The container every dialog runs in. It guards the stored stack against code changes (versions) and against the
/// wrong user (<see cref="StepAuthorisation"/>: the starter, holding the dialogs' roles, at every step), handles the
/// interruptions once for all dialogs (<see cref="InterruptionPolicy"/>): "batal", "bantuan", "menu", "kembali"
/// and, for forms, "nanti" here; a question or a command it hands back to the router, which answers or runs it and
/// lets the form ask again. Forms are kept as drafts (<see cref="FormDrafts"/>): "menu" and "nanti" park a form
/// instead of discarding it, and "lanjut" (the draft.resume intent) brings it back.
/// </summary>
internal sealed class DialogRunner(DialogSet dialogs, FormDrafts drafts, ConfidencePolicy? policy = null)
{
    public DialogContext CreateContext(TurnContext turn) => new(dialogs, turn);

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

    /// <summary>
    /// Gives a message to the active dialog. Returns <see cref="FormOutcome.NoForm"/> when none is active, and
    /// <see cref="FormOutcome.Question"/> or <see cref="FormOutcome.Command"/> when the message interrupts it.
    /// </summary>
    public async Task<FormOutcome> ContinueAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.State.Stack.Count == 0 || turn.Activity.Type != ActivityTypes.Message)
        {
            return FormOutcome.NoForm;
        }

        var dc = CreateContext(turn);
        var formAtStart = drafts.FormOf(turn.State.Stack);
        if (!StackMatchesCode(turn.State.Stack))
        {
            turn.State.Stack.Clear();
            turn.SendText(EngineTexts.FlowChanged, RoleSuggestions.For(turn));
            drafts.AfterTurn(dc, formAtStart, parked: false);
            return FormOutcome.Handled;
        }

        if (formAtStart is not null && drafts.IsStale(turn, formAtStart))
        {
            // Resumed (or finished) in another conversation since: this copy must not be saved a second time.
            turn.State.Stack.Clear();
            turn.SendText(FormTexts.MovedElsewhere, RoleSuggestions.For(turn));
            return FormOutcome.Handled;
        }

        switch (StepAuthorisation.Check(turn, turn.State.Stack, dialogs))
        {
            case (StepAuthorisation.Verdict.NotTheStarter, _):
                // Someone else's form stays as it is; this message answers nothing in it.
                turn.SendText(EngineTexts.NotYourForm);
                return FormOutcome.Handled;
            case (StepAuthorisation.Verdict.RoleMissing, { } role):
                turn.State.Stack.Clear();
                turn.SendText(StepAuthorisation.Refusal(role), RoleSuggestions.For(turn));
                drafts.AfterTurn(dc, formAtStart, parked: false);
                return FormOutcome.Handled;
        }

        var parked = false;
        var interruption = await InterruptionPolicy.DecideAsync(dc, policy ?? ConfidencePolicy.Default, cancellationToken);
        switch (interruption)
        {
            case Interruption.Cancel:
                // The quick replies are chosen while the form is still open, so its own draft (deleted with this
                // turn) is not offered as "Lanjut".
                var suggestions = RoleSuggestions.For(turn);
                dc.CancelAll();
                turn.SendText(EngineTexts.Cancelled, suggestions);
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
            case Interruption.Question:
                return FormOutcome.Question;
            case Interruption.Command:
                return FormOutcome.Command;
            case Interruption.SafetyAside:
                return FormOutcome.SafetyAside;
            default:
                await dc.ContinueAsync(cancellationToken);
                break;
        }

        drafts.AfterTurn(dc, formAtStart, parked);
        return FormOutcome.Handled;
    }

    /// <summary>The message goes to the active dialog as an answer after all (the interruption could not be served).</summary>
    public Task AnswerAsync(TurnContext turn, CancellationToken cancellationToken) => WithDraftAsync(turn, dc => dc.ContinueAsync(cancellationToken));

    /// <summary>Asks the active form's pending question again.</summary>
    public Task RepromptAsync(TurnContext turn, CancellationToken cancellationToken) => CreateContext(turn).RepromptAsync(cancellationToken);

    /// <summary>"lanjut" with no form open: the newest draft comes back and asks its pending question again.</summary>
    public Task ResumeDraftAsync(TurnContext turn, CancellationToken cancellationToken) =>
        drafts.ResumeAsync(CreateContext(turn), d => StackMatchesCode(d.Stack), cancellationToken);

    /// <summary>"buang draf": the newest draft is deleted.</summary>
    public void DiscardDraft(TurnContext turn) => drafts.Discard(turn);

    /// <summary>
    /// Runs a command over the open form: a marker goes on the stack first, so that a dialog the command begins
    /// returns to the form when it ends; a command that begins nothing leaves the marker on top, and the form asks
    /// its question again at once.
    /// </summary>
    public async Task RunOverFormAsync(TurnContext turn, Func<Task> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        var dc = CreateContext(turn);
        var formAtStart = drafts.FormOf(dc.Stack);
        await dc.BeginAsync(ResumeAfterInterruption.DialogId, null, cancellationToken);
        var marker = dc.Stack.Count - 1;
        await command();
        if (dc.Stack.Count - 1 == marker && dc.Stack[marker].DialogId == ResumeAfterInterruption.DialogId)
        {
            dc.Stack.RemoveAt(marker);
            await dc.RepromptAsync(cancellationToken);
        }

        drafts.AfterTurn(dc, formAtStart, parked: false);
    }

    private async Task WithDraftAsync(TurnContext turn, Func<DialogContext, Task> action)
    {
        var dc = CreateContext(turn);
        var formAtStart = drafts.FormOf(dc.Stack);
        await action(dc);
        drafts.AfterTurn(dc, formAtStart, parked: false);
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

/// <summary>What became of a message while a form was open.</summary>
internal enum FormOutcome
{
    /// <summary>No form is open.</summary>
    NoForm,

    /// <summary>The form took it (an answer, or a steering word).</summary>
    Handled,

    /// <summary>A question or a safety concern: answer it, then ask the form's question again.</summary>
    Question,

    /// <summary>A command the user may run: run it over the form.</summary>
    Command,

    /// <summary>A safety concern in a free-text answer: answer it, then the form takes the message as its answer.</summary>
    SafetyAside,
}
