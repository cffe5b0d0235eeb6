namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// A marker frame pushed under a command that interrupted a form: when the command's own dialog ends, the marker
/// pops itself and the form asks its pending question again, instead of taking the command's result as its answer.
/// </summary>
internal sealed class ResumeAfterInterruption() : Dialog(DialogId)
{
    public const string DialogId = "engine.resumeAfterInterruption";

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
        Task.FromResult(DialogTurnResult.Waiting);

    /// <summary>Reached only if a message arrives while the marker is on top: it pops and the form continues with it.</summary>
    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        dc.Stack.RemoveAt(dc.Stack.Count - 1);
        return await dc.ContinueAsync(cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        dc.Stack.RemoveAt(dc.Stack.Count - 1);
        await dc.RepromptAsync(cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        dc.Stack.RemoveAt(dc.Stack.Count - 1);
        return dc.RepromptAsync(cancellationToken);
    }
}
