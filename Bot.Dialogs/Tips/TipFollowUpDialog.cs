using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;

namespace Bot.Dialogs.Tips;

/// <summary>
/// "tambah info TIP-…": the text, an optional photo and a confirm, then <see cref="TipService.AddInformationAsync(string, string, byte[], string, TipReceiptKeys, CancellationToken)"/>.
/// Begun with the handle of a <see cref="PendingTip"/> that already carries the tracking code, so neither the
/// code nor the text reaches the saved frame.
/// </summary>
internal sealed class TipFollowUpDialog(TipService tips, PendingTips pending, TipDialogPrompts prompts)
    : ConfidentialWaterfallDialog(DialogId)
{
    public const string DialogId = "tips.followUp";

    public override IEnumerable<Dialog> Dependencies => prompts.All;

    protected override TipDialog.TipDialogState CreateState(DialogContext dc, object? options) =>
        new() { Handle = options as string ?? string.Empty };

    protected override IEnumerable<Func<WaterfallStep<TipDialog.TipDialogState>, CancellationToken, Task<DialogTurnResult>>> DefineSteps() =>
        [AskTextStepAsync, AskPhotoStepAsync, ConfirmStepAsync, SubmitStepAsync];

    private Task<DialogTurnResult> AskTextStepAsync(WaterfallStep<TipDialog.TipDialogState> step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        turn.SendText(turn.T(TipDialogTexts.FollowUpIntro) + "\n\n" + turn.T(TipTexts.PrivacyWarning));
        var options = new PromptOptions { Text = turn.F(TipDialogTexts.AskFollowUp, TipDialog.MaxDescription), MaxLength = TipDialog.MaxDescription };
        return step.PromptAsync(prompts.Description.Id, options, cancellationToken);
    }

    private Task<DialogTurnResult> AskPhotoStepAsync(WaterfallStep<TipDialog.TipDialogState> step, CancellationToken cancellationToken)
    {
        if (Draft(step) is not { } draft)
        {
            return step.CancelAllAsync();
        }

        draft.Description = step.ResultAs<string>();
        draft.Photo = null;
        return step.BeginDialogAsync(TipPhotoPrompt.DialogId, step.State.Handle, cancellationToken);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStep<TipDialog.TipDialogState> step, CancellationToken cancellationToken) =>
        Draft(step) is null
            ? step.CancelAllAsync()
            : step.PromptAsync(prompts.Confirm.Id, new PromptOptions { Text = step.Turn.T(TipDialogTexts.AskSendFollowUp) }, cancellationToken);

    private async Task<DialogTurnResult> SubmitStepAsync(WaterfallStep<TipDialog.TipDialogState> step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;

        // Repeated after a crash: it was saved; say so again rather than "nothing was sent" (issue 14, finding 7).
        var receipt = TipReceiptKeys.Of(step.State.Handle, turn.RequestKey);
        if (tips.FindReceipt(receipt) is not null)
        {
            pending.Remove(step.State.Handle);
            turn.SendText(TipDialogTexts.FollowUpSaved);
            return await step.EndAsync(null, cancellationToken);
        }

        if (Draft(step) is not { } draft)
        {
            return await step.CancelAllAsync();
        }

        try
        {
            if (!step.ResultAs<bool>())
            {
                turn.SendText(TipDialogTexts.NotSent);
                return await step.EndAsync(null, cancellationToken);
            }

            var result = await tips.AddInformationAsync(draft.TrackingCode, draft.Description, draft.Photo, TipDialogPrompts.SenderKey(turn), receipt, cancellationToken);
            if (result.Outcome == TipOutcome.Saved)
            {
                turn.SendText(TipDialogTexts.FollowUpSaved);
            }
            else
            {
                turn.SendText(prompts.Failure(turn, result));
            }

            return await step.EndAsync(null, cancellationToken);
        }
        finally
        {
            pending.Remove(step.State.Handle);
        }
    }

    private PendingTip? Draft(WaterfallStep<TipDialog.TipDialogState> step)
    {
        var draft = pending.Find(step.State.Handle);
        if (draft is null)
        {
            step.Turn.SendText(TipDialogTexts.DraftLost);
        }

        return draft;
    }
}
