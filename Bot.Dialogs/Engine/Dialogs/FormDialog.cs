using Bot.Dialogs.Engine.Prompts;
using System.Text.Json.Nodes;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// A form: named fields asked in order (each skipped while its condition says so or once answered), then a summary
/// with "Ya, simpan" or "Tidak, ubah". "Tidak" lets the user pick one field, asks only that one again and returns
/// to the summary, so no answer is typed twice. "kembali" re-asks the previous field. The form is an
/// <see cref="IDraftForm"/>: its answers survive "menu", a closed tab and another device (see <see cref="DialogRunner"/>).
/// Saving is the subclass's last step, after the user said yes.
/// </summary>
internal abstract class FormDialog<TState> : Dialog, IStepBack, IDraftForm where TState : class, new()
{
    private const string StateKey = "s";
    private const string AnsweredKey = "a";
    private const string HistoryKey = "h";
    private const string PendingKey = "p";
    private const string SummaryStep = "#summary";
    private const string FieldChoiceStep = "#field";
    private const string SaveChoice = "save";
    private const string ChangeChoice = "change";

    private static readonly string[] YesWords = ["ya", "y", "iya", "ok", "oke", "simpan", "kirim", "setuju", "benar", "betul", "sudah", "yes", "save", "submit", "send"];
    private static readonly string[] NoWords = ["tidak", "t", "tdk", "gak", "ga", "bukan", "ubah", "ganti", "perbaiki", "koreksi", "no", "n", "change", "edit", "fix"];

    private readonly ChoicePrompt _summary;
    private readonly ChoicePrompt _fieldChoice;
    private IReadOnlyList<FormField<TState>>? _fields;

    protected FormDialog(string id)
        : base(id)
    {
        _summary = new ChoicePrompt(id + ".summary");
        _fieldChoice = new ChoicePrompt(id + ".field");
    }

    protected IReadOnlyList<FormField<TState>> Fields => _fields ??= DefineFields().ToList();

    /// <summary>Changes when fields are added, removed or renamed, or when <see cref="Revision"/> is raised.</summary>
    public override string Version => $"{Id}#form:{string.Join(",", Fields.Select(f => f.Name))}.{Revision}";

    /// <summary>Raise when the fields keep their names but change what they store.</summary>
    protected virtual int Revision => 1;

    public override IEnumerable<Dialog> Dependencies => [_summary, _fieldChoice, .. FieldDialogs];

    /// <summary>The dialogs the fields use (their prompts), registered with the form.</summary>
    protected abstract IEnumerable<Dialog> FieldDialogs { get; }

    /// <summary>The fields, in the order they are asked.</summary>
    protected abstract IEnumerable<FormField<TState>> DefineFields();

    /// <summary>The state at the start, from the begin options.</summary>
    protected virtual TState CreateState(DialogContext dc, object? options) => new();

    /// <summary>Runs before the first question: greet, check, prefill (marking fields answered). False ends the form.</summary>
    protected virtual bool OnBegin(FormContext<TState> form) => true;

    /// <summary>The summary shown before saving (what was answered, and any warning about it).</summary>
    protected abstract string Summary(FormContext<TState> form);

    /// <summary>The "yes" button of the summary ("Ya, simpan").</summary>
    protected abstract LocalizedText SaveLabel { get; }

    /// <summary>False for short forms that save as soon as the last field is answered (no summary).</summary>
    protected virtual bool ConfirmBeforeSave => true;

    /// <summary>What the draft is called ("rencana aksi baru").</summary>
    protected abstract LocalizedText Title { get; }

    /// <summary>Saves after the user said yes; ends the dialog.</summary>
    protected abstract Task<DialogTurnResult> SaveAsync(FormContext<TState> form, CancellationToken cancellationToken);

    public string DraftTitle(DialogContext dc, DialogFrame frame)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(frame);
        var answered = ReadSet(frame, AnsweredKey).Count;
        return dc.Turn.F(FormTexts.Answers, dc.Turn.T(Title), answered);
    }

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var frame = dc.ActiveFrame!;
        var form = new FormContext<TState>(dc, CreateState(dc, options), []);
        frame.State[HistoryKey] = new JsonArray();
        if (!OnBegin(form))
        {
            return dc.EndAsync(null, cancellationToken);
        }

        return AskNextAsync(form, frame, cancellationToken);
    }

    /// <summary>A message reached the form itself (no question pending, which should not happen): ask again.</summary>
    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var frame = dc.ActiveFrame!;
        return await AskNextAsync(Load(dc, frame), frame, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var frame = dc.ActiveFrame!;
        var form = Load(dc, frame);
        var pending = frame.State[PendingKey]!.GetValue<string>();
        switch (pending)
        {
            case SummaryStep when result as string == SaveChoice:
                Save(form, frame);
                return await SaveAsync(form, cancellationToken);
            case SummaryStep:
                return await AskWhichFieldAsync(form, frame, cancellationToken);
            case FieldChoiceStep:
                var chosen = Fields.FirstOrDefault(f => f.Name == result as string);
                if (chosen is null)
                {
                    return await AskNextAsync(form, frame, cancellationToken);
                }

                form.Unanswer(chosen.Name);
                return await AskAsync(form, frame, chosen, null, cancellationToken);
        }

        var field = Fields.First(f => f.Name == pending);
        var applied = field.Apply(form, result);
        if (applied.StopMessage is { } stop)
        {
            if (stop.Length > 0)
            {
                dc.Turn.SendText(stop);
            }

            return await dc.EndAsync(null, cancellationToken);
        }

        if (applied.Error is { } error)
        {
            return await AskAsync(form, frame, field, error, cancellationToken);
        }

        form.MarkAnswered(field.Name);
        var history = frame.State[HistoryKey]!.AsArray();
        RemoveName(history, field.Name);
        history.Add(field.Name);
        return await AskNextAsync(form, frame, cancellationToken);
    }

    /// <summary>"kembali": the field answered last is asked again (the summary counts as after the last field).</summary>
    public async Task<bool> TryStepBackAsync(DialogContext dc, int frameIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var frame = dc.Stack[frameIndex];
        var history = frame.State[HistoryKey]!.AsArray();
        var form = Load(dc, frame);
        var previous = history.Select(v => v!.GetValue<string>()).LastOrDefault(name => Fields.Any(f => f.Name == name && f.IsAsked(form.State)));
        if (previous is null)
        {
            return false;
        }

        dc.Stack.RemoveRange(frameIndex + 1, dc.Stack.Count - frameIndex - 1);
        RemoveName(history, previous);
        form.Unanswer(previous);
        await AskAsync(form, frame, Fields.First(f => f.Name == previous), null, cancellationToken);
        return true;
    }

    private Task<DialogTurnResult> AskNextAsync(FormContext<TState> form, DialogFrame frame, CancellationToken cancellationToken)
    {
        var next = Fields.FirstOrDefault(f => f.IsAsked(form.State) && !form.IsAnswered(f.Name));
        if (next is not null)
        {
            return AskAsync(form, frame, next, null, cancellationToken);
        }

        if (ConfirmBeforeSave)
        {
            return AskSummaryAsync(form, frame, cancellationToken);
        }

        Save(form, frame);
        return SaveAsync(form, cancellationToken);
    }

    private static Task<DialogTurnResult> AskAsync(FormContext<TState> form, DialogFrame frame, FormField<TState> field, string? error, CancellationToken cancellationToken)
    {
        var options = field.Options(form);
        if (error is not null && options is PromptOptions prompt)
        {
            prompt.Text = error + "\n\n" + prompt.Text;
        }

        frame.State[PendingKey] = field.Name;
        Save(form, frame);
        return form.Dialog.BeginAsync(field.DialogId, options, cancellationToken);
    }

    private Task<DialogTurnResult> AskSummaryAsync(FormContext<TState> form, DialogFrame frame, CancellationToken cancellationToken)
    {
        var turn = form.Turn;
        var options = new PromptOptions
        {
            Text = Summary(form),
            Choices =
            [
                PromptChoice.Of(SaveChoice, turn.T(SaveLabel), YesWords),
                PromptChoice.Of(ChangeChoice, turn.T(FormTexts.Change), NoWords),
            ],
        };
        frame.State[PendingKey] = SummaryStep;
        Save(form, frame);
        return form.Dialog.BeginAsync(_summary.Id, options, cancellationToken);
    }

    private Task<DialogTurnResult> AskWhichFieldAsync(FormContext<TState> form, DialogFrame frame, CancellationToken cancellationToken)
    {
        var turn = form.Turn;
        var editable = Fields.Where(f => f.Editable && f.IsAsked(form.State)).ToList();
        var options = new PromptOptions
        {
            Text = turn.T(FormTexts.AskField),
            Choices = editable.Select(f => PromptChoice.Of(f.Name, f.Label(turn))).ToList(),
        };
        frame.State[PendingKey] = FieldChoiceStep;
        Save(form, frame);
        return form.Dialog.BeginAsync(_fieldChoice.Id, options, cancellationToken);
    }

    private static FormContext<TState> Load(DialogContext dc, DialogFrame frame) =>
        new(dc, frame.Read<TState>(StateKey) ?? new TState(), ReadSet(frame, AnsweredKey));

    private static void Save(FormContext<TState> form, DialogFrame frame)
    {
        frame.Write(StateKey, form.State);
        frame.State[AnsweredKey] = new JsonArray([.. form.Answered.Order(StringComparer.Ordinal).Select(a => (JsonNode)a)]);
    }

    private static HashSet<string> ReadSet(DialogFrame frame, string key) =>
        frame.State[key] is JsonArray array
            ? array.Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Removes a field name from the history (compared by value: JSON nodes are not equal by value).</summary>
    private static void RemoveName(JsonArray history, string name)
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i]?.GetValue<string>() == name)
            {
                history.RemoveAt(i);
            }
        }
    }
}
