using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Commitments;

/// <summary>Cancels a commitment with a reason, after a confirm; the cancellation is a version like any change.</summary>
internal sealed class CancelCommitmentDialog(CommitmentPrompts prompts, ICommitmentStore commitments, CommitmentLookup lookup)
    : WaterfallDialog<CancelCommitmentDialog.CancelState>(DialogId)
{
    public const string DialogId = "commitment.cancel";
    public const int MaxReason = 300;

    /// <summary>Checked by the engine at every step (issue 14, finding 6).</summary>
    public override Role? RequiredRole => Role.Fokal;

    public override IEnumerable<Dialog> Dependencies => prompts.All;

    protected override CancelState CreateState(DialogContext dc, object? options) => new() { Code = options as string ?? string.Empty };

    protected override IEnumerable<Func<WaterfallStep<CancelState>, CancellationToken, Task<DialogTurnResult>>> DefineSteps() =>
        [AskReasonStepAsync, ConfirmStepAsync, SaveStepAsync];

    private Task<DialogTurnResult> AskReasonStepAsync(WaterfallStep<CancelState> step, CancellationToken cancellationToken)
    {
        var commitment = lookup.FindChangeable(step.Turn, step.State.Code);
        if (commitment is null)
        {
            return step.EndAsync(null, cancellationToken);
        }

        step.State.Code = commitment.Code;
        step.State.Version = commitment.Version;
        var text = step.Turn.F(CommitmentTexts.AskCancelReason, commitment.Code, commitment.Title);
        return step.PromptAsync(prompts.Text.Id, new PromptOptions { Text = text, MaxLength = MaxReason }, cancellationToken);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStep<CancelState> step, CancellationToken cancellationToken)
    {
        step.State.Reason = step.ResultAs<string>();
        var text = step.Turn.F(CommitmentTexts.ConfirmCancel, step.State.Code, step.State.Reason);
        return step.PromptAsync(prompts.Confirm.Id, new PromptOptions { Text = text }, cancellationToken);
    }

    private Task<DialogTurnResult> SaveStepAsync(WaterfallStep<CancelState> step, CancellationToken cancellationToken)
    {
        if (!step.ResultAs<bool>())
        {
            step.Turn.SendText(CommitmentTexts.NotSaved);
            return step.EndAsync(null, cancellationToken);
        }

        var current = lookup.FindChangeable(step.Turn, step.State.Code);
        if (current is null || current.Version != step.State.Version)
        {
            if (current is not null)
            {
                step.Turn.SendText(step.Turn.F(CommitmentTexts.Changed, current.Code));
            }

            return step.EndAsync(null, cancellationToken);
        }

        var reason = step.State.Reason;
        commitments.Change(
            current.Id,
            "cancelled",
            c =>
            {
                c.Status = CommitmentStatus.Cancelled;
                c.CancelReason = reason;
            },
            c => c.Status == CommitmentStatus.Cancelled ? "cancelled: " + c.CancelReason : c.Status.ToString(),
            step.Turn.User!.Id);
        step.Turn.SendText(step.Turn.F(CommitmentTexts.CancelledDone, current.Code));
        return step.EndAsync(current.Code, cancellationToken);
    }

    internal sealed class CancelState
    {
        public string Code { get; set; } = string.Empty;
        public int Version { get; set; }
        public string Reason { get; set; } = string.Empty;
    }
}
