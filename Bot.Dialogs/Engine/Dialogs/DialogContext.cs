using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// The dialog stack of one turn (<see cref="ConversationState.Stack"/>, bottom first) and the operations on it.
/// The stack is saved with the conversation state when the turn ends, so nothing here writes to the database.
/// </summary>
internal sealed class DialogContext(DialogSet dialogs, TurnContext turn)
{
    public TurnContext Turn { get; } = turn;

    public List<DialogFrame> Stack => Turn.State.Stack;

    public DialogFrame? ActiveFrame => Stack.Count > 0 ? Stack[^1] : null;

    public Dialog? ActiveDialog => ActiveFrame is { } frame ? dialogs.Find(frame.DialogId) : null;

    public Dialog? Find(string id) => dialogs.Find(id);

    /// <summary>True when the bottom of the stack is a form that keeps a draft (<see cref="IDraftForm"/>).</summary>
    public bool InDraftForm => Stack.Count > 0 && dialogs.Find(Stack[0].DialogId) is IDraftForm;

    /// <summary>Pushes a dialog and begins it.</summary>
    public Task<DialogTurnResult> BeginAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = dialogs.Find(dialogId) ?? throw new InvalidOperationException($"No dialog has the id '{dialogId}'.");
        Stack.Add(new DialogFrame { DialogId = dialog.Id, DialogVersion = dialog.Version, State = [], StartedBy = Turn.User?.Id });
        return dialog.BeginAsync(this, options, cancellationToken);
    }

    /// <summary>Gives the message to the dialog on top, or reports that none is active.</summary>
    public Task<DialogTurnResult> ContinueAsync(CancellationToken cancellationToken) =>
        ActiveDialog is { } dialog ? dialog.ContinueAsync(this, cancellationToken) : Task.FromResult(DialogTurnResult.Empty);

    /// <summary>Pops the dialog on top and resumes its parent with the result; completes when none is left.</summary>
    public Task<DialogTurnResult> EndAsync(object? result, CancellationToken cancellationToken)
    {
        if (Stack.Count > 0)
        {
            Stack.RemoveAt(Stack.Count - 1);
        }

        return ActiveDialog is { } parent
            ? parent.ResumeAsync(this, result, cancellationToken)
            : Task.FromResult(new DialogTurnResult(DialogTurnStatus.Complete, result));
    }

    /// <summary>Pops every dialog. Nothing was saved by them yet (they save only at their final confirm).</summary>
    public DialogTurnResult CancelAll()
    {
        Stack.Clear();
        return DialogTurnResult.Cancelled;
    }

    /// <summary>Asks the pending question again.</summary>
    public Task RepromptAsync(CancellationToken cancellationToken) =>
        ActiveDialog is { } dialog ? dialog.RepromptAsync(this, cancellationToken) : Task.CompletedTask;
}
