using Bot.Dialogs.Engine.Prompts;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// What one waterfall step sees: the turn, the previous answer and the typed state. Every way out (ask, skip,
/// begin a child, end) saves the state first, so that whatever runs next reads what this step wrote.
/// </summary>
internal sealed class WaterfallStep<TState>(
    DialogContext dc, DialogFrame frame, WaterfallDialog<TState> owner, int index, object? result, TState state)
    where TState : class, new()
{
    public DialogContext Context { get; } = dc;

    public TurnContext Turn => Context.Turn;

    public int Index { get; } = index;

    /// <summary>The previous step's answer (a prompt's value), or null.</summary>
    public object? Result { get; } = result;

    public TState State { get; } = state;

    public T ResultAs<T>() => Result is T value ? value : throw new InvalidOperationException($"Step {Index} of {owner.Id} expected a {typeof(T).Name}.");

    /// <summary>Asks a question; its answer arrives in the next step.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Save();
        WaterfallDialog<TState>.Remember(Context, frame, Index, promptId, options);
        return Context.BeginAsync(promptId, options, cancellationToken);
    }

    /// <summary>Starts another dialog; its result arrives in the next step.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        Save();
        return Context.BeginAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Runs the next step now, with <paramref name="value"/> as its answer.</summary>
    public Task<DialogTurnResult> NextAsync(object? value, CancellationToken cancellationToken)
    {
        Save();
        return owner.RunStepAsync(Context, frame, Index + 1, value, cancellationToken);
    }

    /// <summary>Runs the given step now (loops, "change another field").</summary>
    public Task<DialogTurnResult> GoToAsync(int stepIndex, object? value, CancellationToken cancellationToken)
    {
        Save();
        return owner.RunStepAsync(Context, frame, stepIndex, value, cancellationToken);
    }

    /// <summary>Ends this waterfall, passing <paramref name="value"/> to the dialog below.</summary>
    public Task<DialogTurnResult> EndAsync(object? value, CancellationToken cancellationToken) => Context.EndAsync(value, cancellationToken);

    /// <summary>Ends the whole conversation flow (after the user declined, or on a refusal).</summary>
    public Task<DialogTurnResult> CancelAllAsync() => Task.FromResult(Context.CancelAll());

    private void Save() => frame.Write("s", State);
}
