namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// One question of a <see cref="FormDialog{TState}"/>: which dialog asks it (a prompt, or a dialog of its own such
/// as evidence collection), with what options, and how the answer goes into the form's state.
/// </summary>
internal sealed class FormField<TState> where TState : class
{
    /// <summary>A stable key (stored in drafts; renaming one changes the form's version).</summary>
    public required string Name { get; init; }

    /// <summary>What the field is called when the user picks one to change ("Tenggat", "Deadline").</summary>
    public required Func<TurnContext, string> Label { get; init; }

    /// <summary>The dialog that asks (its id).</summary>
    public required string DialogId { get; init; }

    /// <summary>The options the dialog begins with (for prompts: <see cref="Prompts.PromptOptions"/>).</summary>
    public required Func<FormContext<TState>, object?> Options { get; init; }

    /// <summary>Takes the dialog's result into the state.</summary>
    public required Func<FormContext<TState>, object?, FieldResult> Apply { get; init; }

    /// <summary>Whether the form asks this field at all (a condition on earlier answers); always when absent.</summary>
    public Func<TState, bool>? AskWhen { get; init; }

    /// <summary>Whether the user may pick it to change at the summary.</summary>
    public bool Editable { get; init; } = true;

    public bool IsAsked(TState state) => AskWhen?.Invoke(state) ?? true;
}

/// <summary>What applying an answer did: taken, to be asked again with a reason, or the end of the form.</summary>
internal sealed record FieldResult(string? Error, string? StopMessage)
{
    public static FieldResult Ok { get; } = new(null, null);

    /// <summary>The value cannot be used in this form (it depends on other answers): ask the same field again.</summary>
    public static FieldResult Reask(string error) => new(error, null);

    /// <summary>The form cannot go on (nothing to report on, the commitment is locked): say why (unless said already) and end it.</summary>
    public static FieldResult Stop(string message = "") => new(null, message);
}

/// <summary>What a form's callbacks see: the turn, the typed state, and which fields are answered.</summary>
internal sealed class FormContext<TState>(DialogContext dialog, TState state, HashSet<string> answered) where TState : class
{
    public DialogContext Dialog { get; } = dialog;

    public TurnContext Turn => Dialog.Turn;

    public TState State { get; } = state;

    internal HashSet<string> Answered { get; } = answered;

    public bool IsAnswered(string field) => Answered.Contains(field);

    /// <summary>Marks a field answered without asking it (an answer already gave it, or it was prefilled).</summary>
    public void MarkAnswered(string field) => Answered.Add(field);

    /// <summary>Marks a field to be asked again (an answer it depended on changed).</summary>
    public void Unanswer(string field) => Answered.Remove(field);
}
