using Bot.Dialogs.Engine.Prompts;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// A fixed sequence of small steps sharing a typed state (<typeparamref name="TState"/>, a mapped class kept in
/// the frame). A step asks (a prompt), skips ahead, or ends; the answer arrives in the next step. The questions
/// asked so far are remembered so that "kembali" can ask the previous one again.
/// </summary>
internal abstract class WaterfallDialog<TState>(string id) : Dialog(id), IStepBack where TState : class, new()
{
    private const string StateKey = "s";
    private const string IndexKey = "i";
    private const string TrailKey = "t";

    private IReadOnlyList<Func<WaterfallStep<TState>, CancellationToken, Task<DialogTurnResult>>>? _steps;

    private IReadOnlyList<Func<WaterfallStep<TState>, CancellationToken, Task<DialogTurnResult>>> Steps => _steps ??= DefineSteps().ToList();

    /// <summary>Changes when steps are added or removed, or when <see cref="Revision"/> is raised for a changed meaning.</summary>
    public override string Version => $"{Id}#{Steps.Count}.{Revision}";

    /// <summary>Raise when the steps keep their number but change what they store.</summary>
    protected virtual int Revision => 1;

    /// <summary>The steps, in order (typically method groups named XxxStepAsync).</summary>
    protected abstract IEnumerable<Func<WaterfallStep<TState>, CancellationToken, Task<DialogTurnResult>>> DefineSteps();

    /// <summary>The state at the start, from the begin options.</summary>
    protected virtual TState CreateState(DialogContext dc, object? options) => new();

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var frame = dc.ActiveFrame!;
        frame.Write(StateKey, CreateState(dc, options));
        frame.Write(TrailKey, new Trail());
        return RunStepAsync(dc, frame, 0, null, cancellationToken);
    }

    /// <summary>A message reached the waterfall itself (no prompt pending): it is the answer to the current step.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return ResumeAsync(dc, dc.Turn.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var frame = dc.ActiveFrame!;
        return RunStepAsync(dc, frame, frame.State[IndexKey]!.GetValue<int>() + 1, result, cancellationToken);
    }

    internal Task<DialogTurnResult> RunStepAsync(DialogContext dc, DialogFrame frame, int index, object? result, CancellationToken cancellationToken)
    {
        if (index >= Steps.Count)
        {
            return dc.EndAsync(result, cancellationToken);
        }

        frame.State[IndexKey] = index;
        var state = frame.Read<TState>(StateKey) ?? new TState();
        return Steps[index](new WaterfallStep<TState>(dc, frame, this, index, result, state), cancellationToken);
    }

    internal static void Remember(DialogContext dc, DialogFrame frame, int step, string promptId, PromptOptions options)
    {
        var trail = frame.Read<Trail>(TrailKey) ?? new Trail();
        trail.Entries.Add(new TrailEntry { Step = step, PromptId = promptId, Options = options });
        frame.Write(TrailKey, trail);
    }

    public async Task<bool> TryStepBackAsync(DialogContext dc, int frameIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var frame = dc.Stack[frameIndex];
        var trail = frame.Read<Trail>(TrailKey) ?? new Trail();
        if (frameIndex == dc.Stack.Count - 1 || trail.Entries.Count == 0)
        {
            return false;
        }

        // The pending question is the last remembered one only if this step asked it; a child dialog begun
        // directly (not a prompt) is not in the trail, so "back" from it re-asks the last prompt.
        var last = trail.Entries[^1];
        var pendingIsLast = frame.State[IndexKey]!.GetValue<int>() == last.Step && dc.Stack[frameIndex + 1].DialogId == last.PromptId;
        if (pendingIsLast && trail.Entries.Count < 2)
        {
            return false;
        }

        dc.Stack.RemoveRange(frameIndex + 1, dc.Stack.Count - frameIndex - 1);
        if (pendingIsLast)
        {
            trail.Entries.RemoveAt(trail.Entries.Count - 1);
        }

        var previous = trail.Entries[^1];
        frame.Write(TrailKey, trail);
        frame.State[IndexKey] = previous.Step;
        await dc.BeginAsync(previous.PromptId, previous.Options, cancellationToken);
        return true;
    }

    /// <summary>The questions asked so far, newest last.</summary>
    internal sealed class Trail
    {
        public List<TrailEntry> Entries { get; set; } = [];
    }

    internal sealed class TrailEntry
    {
        public int Step { get; set; }
        public string PromptId { get; set; } = string.Empty;
        public PromptOptions Options { get; set; } = new();
    }
}

/// <summary>A dialog that can go back to its previous question ("kembali").</summary>
internal interface IStepBack
{
    /// <summary>Asks the previous question again; false when there is none (the first question is pending).</summary>
    Task<bool> TryStepBackAsync(DialogContext dc, int frameIndex, CancellationToken cancellationToken);
}
