using Bot.Dialogs.Engine.Dialogs;

namespace Bot.Dialogs.Tips;

/// <summary>
/// Wraps a shared prompt (text, choice, confirm) so that every turn it handles is marked confidential: while a
/// tip question is pending, the answer (and a re-asked question after a bad answer) is the tip itself.
/// </summary>
internal sealed class ConfidentialDialog(Dialog inner) : Dialog(inner.Id)
{
    public override string Version => inner.Version;

    public override IEnumerable<Dialog> Dependencies => inner.Dependencies;

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        Mark(dc);
        return inner.BeginAsync(dc, options, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        Mark(dc);
        return inner.ContinueAsync(dc, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        Mark(dc);
        return inner.ResumeAsync(dc, result, cancellationToken);
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        Mark(dc);
        return inner.RepromptAsync(dc, cancellationToken);
    }

    public override Task<AnswerFit> FitAsync(DialogContext dc, CancellationToken cancellationToken) => inner.FitAsync(dc, cancellationToken);

    public override string? Help(DialogContext dc)
    {
        Mark(dc);
        return inner.Help(dc);
    }

    /// <summary>Marks the dialog context's turn confidential.</summary>
    public static void Mark(DialogContext? dc) => dc?.Turn.MarkConfidential();
}
