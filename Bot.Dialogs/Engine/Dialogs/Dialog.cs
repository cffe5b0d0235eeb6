using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// A step of a conversation that may span turns. Dialogs are stateless singletons: everything they remember
/// lives in their frame on the conversation's stack, so a restart continues where the user stopped.
/// </summary>
internal abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>
    /// Stored with each frame. When the code's version differs from a stored frame's, the flow changed under the
    /// user and the conversation restarts politely instead of feeding old state to new steps.
    /// </summary>
    public virtual string Version => Id;

    /// <summary>
    /// The role a user must hold to start this dialog and to answer any of its steps, or null for anyone. The engine
    /// checks it on every turn the dialog is on the stack, for the user who acts in that turn (issue 14, finding 6).
    /// </summary>
    public virtual Role? RequiredRole => null;

    /// <summary>Called when the dialog is pushed; <paramref name="options"/> pass data down.</summary>
    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>Called with a new message while this dialog is on top. The default ends the dialog.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndAsync(null, cancellationToken);
    }

    /// <summary>Called when a child this dialog started has ended with <paramref name="result"/>. The default passes it up.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndAsync(result, cancellationToken);
    }

    /// <summary>Asks the pending question again (after help or an interruption).</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Help for the current step in the user's language, or null to let the dialog below answer.</summary>
    public virtual string? Help(DialogContext dc) => null;

    /// <summary>
    /// Whether the message would be taken as this step's answer. The runner lets a clearly different intent
    /// interrupt only an answer that does not fit, or any free text when the intent is certain enough.
    /// </summary>
    public virtual Task<AnswerFit> FitAsync(DialogContext dc, CancellationToken cancellationToken) => Task.FromResult(AnswerFit.FreeText);

    /// <summary>Dialogs this one starts (its prompts, its sub-dialogs), registered together with it.</summary>
    public virtual IEnumerable<Dialog> Dependencies => [];
}

/// <summary>How a message fits the question a dialog is waiting on.</summary>
internal enum AnswerFit
{
    /// <summary>Any text is an answer (a title, a narrative).</summary>
    FreeText,

    /// <summary>The message is a valid answer (a listed choice, a number, a date, yes or no).</summary>
    Recognised,

    /// <summary>The message is not an answer to this question.</summary>
    NotRecognised,
}
