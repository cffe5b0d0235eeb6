namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// A dialog assembled from inner dialogs (a waterfall and its prompts, or several waterfalls). From outside it
/// is begun by one id and returns one result; inside, its dialogs' ids are prefixed with its own so two features
/// can both have a "title" prompt. The inner frames sit on the conversation's stack above the component's
/// frame, so help, back and cancel treat them like any other.
/// </summary>
internal abstract class ComponentDialog(string id) : Dialog(id)
{
    private readonly List<Dialog> _inner = [];

    /// <summary>The inner dialog begun first.</summary>
    protected string InitialDialogId { get; set; } = string.Empty;

    public override IEnumerable<Dialog> Dependencies => _inner;

    /// <summary>Changes whenever an inner dialog changes.</summary>
    public override string Version => Id + "[" + string.Join(",", _inner.Select(d => d.Version)) + "]";

    /// <summary>The full id of an inner dialog.</summary>
    public string InnerId(string name) => Id + "." + name;

    protected T AddDialog<T>(T dialog) where T : Dialog
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!dialog.Id.StartsWith(Id + ".", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Inner dialog ids must start with '{Id}.'.", nameof(dialog));
        }

        _inner.Add(dialog);
        if (InitialDialogId.Length == 0)
        {
            InitialDialogId = dialog.Id;
        }

        return dialog;
    }

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.BeginAsync(InitialDialogId, options, cancellationToken);
    }

    /// <summary>The inner flow finished: the component finishes with its result.</summary>
    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndAsync(result, cancellationToken);
    }
}
