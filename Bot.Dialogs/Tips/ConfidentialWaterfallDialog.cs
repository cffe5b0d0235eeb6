using Bot.Dialogs.Engine.Dialogs;

namespace Bot.Dialogs.Tips;

/// <summary>
/// The base of the tip dialogs: every turn in which one of them starts, continues, resumes, re-asks or ends is
/// marked confidential, so the channels keep no readable copy of what was said (README "Tip line privacy").
/// </summary>
internal abstract class ConfidentialWaterfallDialog(string id) : WaterfallDialog<TipDialog.TipDialogState>(id)
{
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ConfidentialDialog.Mark(dc);
        return base.BeginAsync(dc, options, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ConfidentialDialog.Mark(dc);
        return base.ContinueAsync(dc, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        ConfidentialDialog.Mark(dc);
        return base.ResumeAsync(dc, result, cancellationToken);
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ConfidentialDialog.Mark(dc);
        return base.RepromptAsync(dc, cancellationToken);
    }

    public override string? Help(DialogContext dc)
    {
        ConfidentialDialog.Mark(dc);
        return base.Help(dc);
    }
}
