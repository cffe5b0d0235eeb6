using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;

namespace Bot.Dialogs.Tips;

/// <summary>
/// The anonymous tip line: the protection notice and the warning, then what (a choice and a description), where
/// (kecamatan, desa), when (a date or free words), an optional photo, a summary and a confirm; then the tip is
/// saved by <see cref="TipService"/> and the tracking code is shown once. The answers live in
/// <see cref="PendingTips"/> (memory), never in the saved frame, and are discarded when the dialog ends.
/// </summary>
internal sealed class TipDialog(TipService tips, PendingTips pending, TipDialogPrompts prompts, TimeProvider time)
    : ConfidentialWaterfallDialog(DialogId)
{
    public const string DialogId = "tips.report";
    public const int MaxDescription = 2000;
    public const int MaxPlace = 100;
    public const int MaxWhen = 200;

    public override IEnumerable<Dialog> Dependencies => prompts.All;

    protected override IEnumerable<Func<WaterfallStep<TipDialogState>, CancellationToken, Task<DialogTurnResult>>> DefineSteps() =>
    [
        IntroStepAsync, AskDescriptionStepAsync, AskKecamatanStepAsync, AskDesaStepAsync, AskWhenStepAsync, AskPhotoStepAsync,
        ConfirmStepAsync, SubmitStepAsync,
    ];

    private Task<DialogTurnResult> IntroStepAsync(WaterfallStep<TipDialogState> step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;
        if (!tips.CanSubmit(TipDialogPrompts.SenderKey(turn)))
        {
            turn.SendText(TipTexts.TooMany);
            return step.EndAsync(null, cancellationToken);
        }

        if (pending.Create() is not { } handle)
        {
            turn.SendText(TipDialogTexts.Busy);
            return step.EndAsync(null, cancellationToken);
        }

        step.State.Handle = handle;
        turn.SendText(turn.T(TipDialogTexts.Intro) + "\n\n" + turn.T(TipTexts.Protection) + "\n\n" + turn.T(TipTexts.PrivacyWarning));
        return step.PromptAsync(prompts.Category.Id, TipDialogPrompts.CategoryOptions(turn), cancellationToken);
    }

    private Task<DialogTurnResult> AskDescriptionStepAsync(WaterfallStep<TipDialogState> step, CancellationToken cancellationToken)
    {
        if (Draft(step) is not { } draft)
        {
            return step.CancelAllAsync();
        }

        draft.Category = Enum.Parse<TipCategory>(step.ResultAs<string>());
        var options = new PromptOptions { Text = step.Turn.F(TipDialogTexts.AskDescription, MaxDescription), MaxLength = MaxDescription };
        return step.PromptAsync(prompts.Description.Id, options, cancellationToken);
    }

    private Task<DialogTurnResult> AskKecamatanStepAsync(WaterfallStep<TipDialogState> step, CancellationToken cancellationToken)
    {
        if (Draft(step) is not { } draft)
        {
            return step.CancelAllAsync();
        }

        draft.Description = step.ResultAs<string>();
        return step.PromptAsync(prompts.Text.Id, new PromptOptions { Text = step.Turn.T(TipDialogTexts.AskKecamatan), MaxLength = MaxPlace }, cancellationToken);
    }

    private Task<DialogTurnResult> AskDesaStepAsync(WaterfallStep<TipDialogState> step, CancellationToken cancellationToken)
    {
        if (Draft(step) is not { } draft)
        {
            return step.CancelAllAsync();
        }

        draft.Kecamatan = step.ResultAs<string>();
        var options = new PromptOptions { Text = step.Turn.T(TipDialogTexts.AskDesa), MaxLength = MaxPlace, AllowSkip = true };
        return step.PromptAsync(prompts.Text.Id, options, cancellationToken);
    }

    private Task<DialogTurnResult> AskWhenStepAsync(WaterfallStep<TipDialogState> step, CancellationToken cancellationToken)
    {
        if (Draft(step) is not { } draft)
        {
            return step.CancelAllAsync();
        }

        draft.Desa = step.Result as string;
        var options = new PromptOptions { Text = step.Turn.T(TipDialogTexts.AskWhen), MaxLength = MaxWhen, AllowSkip = true };
        return step.PromptAsync(prompts.Text.Id, options, cancellationToken);
    }

    private Task<DialogTurnResult> AskPhotoStepAsync(WaterfallStep<TipDialogState> step, CancellationToken cancellationToken)
    {
        if (Draft(step) is not { } draft)
        {
            return step.CancelAllAsync();
        }

        draft.When = step.Result as string;

        // Free words stay as typed; a recognisable past date is kept as a date as well.
        draft.OccurredOn = TipWhen.Resolve(draft.When, step.Turn.Today(time));

        draft.Photo = null;
        return step.BeginDialogAsync(TipPhotoPrompt.DialogId, step.State.Handle, cancellationToken);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStep<TipDialogState> step, CancellationToken cancellationToken)
    {
        if (Draft(step) is not { } draft)
        {
            return step.CancelAllAsync();
        }

        var turn = step.Turn;

        // The summary goes out as its own message: a prompt's text is saved in its frame, and the tip must not be.
        turn.SendText(Summary(turn, draft) + "\n\n" + turn.T(TipTexts.PrivacyWarning));
        return step.PromptAsync(prompts.Confirm.Id, new PromptOptions { Text = turn.T(TipDialogTexts.AskSend) }, cancellationToken);
    }

    private async Task<DialogTurnResult> SubmitStepAsync(WaterfallStep<TipDialogState> step, CancellationToken cancellationToken)
    {
        var turn = step.Turn;

        // A confirmation repeated after a crash (the tip was saved, the reply was not): the same receipt again,
        // before anything else, so the reporter is never told that nothing was sent (issue 14, finding 7).
        var receipt = TipReceiptKeys.Of(step.State.Handle, turn.RequestKey);
        if (tips.FindReceipt(receipt) is { } saved)
        {
            pending.Remove(step.State.Handle);
            turn.SendText(ReceiptText(turn, saved));
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

            var result = await tips.SubmitAsync(draft.ToDraft(), draft.Photo, TipDialogPrompts.SenderKey(turn), receipt, cancellationToken);
            if (result is { Outcome: TipOutcome.Saved, TrackingCode: { } code })
            {
                turn.SendText(ReceiptText(turn, code));
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

    /// <summary>The receipt: the tracking code and what it is good for.</summary>
    internal static string ReceiptText(TurnContext turn, string code) =>
        turn.F(TipTexts.Received, code) + "\n\n" + turn.F(TipDialogTexts.ReceiptFooter, code);

    private PendingTip? Draft(WaterfallStep<TipDialogState> step)
    {
        var draft = pending.Find(step.State.Handle);
        if (draft is null)
        {
            step.Turn.SendText(TipDialogTexts.DraftLost);
        }

        return draft;
    }

    private static string Summary(TurnContext turn, PendingTip draft)
    {
        var place = draft.Desa is { } desa ? $"{desa}, Kec. {draft.Kecamatan}" : "Kec. " + draft.Kecamatan;
        var photo = turn.T(draft.Photo is null ? TipDialogTexts.NoPhoto : TipDialogTexts.WithPhoto);
        return turn.F(TipDialogTexts.Summary, turn.T(TipDialogTexts.Category(draft.Category)), draft.Description, place, draft.When ?? turn.T(TipDialogTexts.Unknown), photo);
    }

    /// <summary>The saved frame's whole state: a random handle into <see cref="PendingTips"/>, nothing of the tip.</summary>
    internal sealed class TipDialogState
    {
        public string Handle { get; set; } = string.Empty;
    }
}
