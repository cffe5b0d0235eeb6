using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Commitments;

/// <summary>
/// Changes one field of a commitment: choose the field, give the new value (checked like at registration),
/// confirm. Saved as a new version; refused when someone else changed the commitment meanwhile.
/// </summary>
internal sealed class EditCommitmentDialog(CommitmentPrompts prompts, ICommitmentStore commitments, CommitmentLookup lookup)
    : WaterfallDialog<EditCommitmentDialog.EditState>(DialogId)
{
    public const string DialogId = "commitment.edit";

    /// <summary>Checked by the engine at every step (issue 14, finding 6).</summary>
    public override Role? RequiredRole => Role.Fokal;

    private readonly ChoicePrompt _field = new(DialogId + ".field");

    public override IEnumerable<Dialog> Dependencies => [.. prompts.All, _field];

    protected override EditState CreateState(DialogContext dc, object? options) => new() { Code = options as string ?? string.Empty };

    protected override IEnumerable<Func<WaterfallStep<EditState>, CancellationToken, Task<DialogTurnResult>>> DefineSteps() =>
        [ChooseFieldStepAsync, AskValueStepAsync, ConfirmStepAsync, SaveStepAsync];

    private Task<DialogTurnResult> ChooseFieldStepAsync(WaterfallStep<EditState> step, CancellationToken cancellationToken)
    {
        var commitment = lookup.FindChangeable(step.Turn, step.State.Code);
        if (commitment is null)
        {
            return step.EndAsync(null, cancellationToken);
        }

        step.State.Code = commitment.Code;
        step.State.Version = commitment.Version;
        step.State.Draft = CommitmentDraft.From(commitment);
        var english = step.Turn.IsEnglish;
        var text = CommitmentFormat.Card(step.State.Draft, english) + "\n\n" + step.Turn.F(CommitmentTexts.AskEditField, commitment.Code);
        var choices = Enum.GetValues<CommitmentField>()
            .Select(f => PromptChoice.Of(f.ToString(), CommitmentFieldNames.Of(f, english), CommitmentFieldNames.Of(f, !english)))
            .ToList();
        return step.PromptAsync(_field.Id, new PromptOptions { Text = text, Choices = choices }, cancellationToken);
    }

    private Task<DialogTurnResult> AskValueStepAsync(WaterfallStep<EditState> step, CancellationToken cancellationToken)
    {
        step.State.Field = Enum.Parse<CommitmentField>(step.ResultAs<string>());
        var (promptId, options) = CommitmentEdits.Question(prompts, step.State.Field, step.Turn, step.State.Draft);
        return step.PromptAsync(promptId, options, cancellationToken);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStep<EditState> step, CancellationToken cancellationToken)
    {
        var english = step.Turn.IsEnglish;
        var before = CommitmentEdits.Describe(step.State.Field, step.State.Draft, english);
        CommitmentEdits.Apply(step.State.Field, step.State.Draft, step.Result);
        var after = CommitmentEdits.Describe(step.State.Field, step.State.Draft, english);
        if (before == after)
        {
            step.Turn.SendText(CommitmentTexts.Unchanged);
            return step.EndAsync(null, cancellationToken);
        }

        var text = step.Turn.F(CommitmentTexts.ConfirmEdit, CommitmentFieldNames.Of(step.State.Field, english), step.State.Code, before, after);
        return step.PromptAsync(prompts.Confirm.Id, new PromptOptions { Text = text }, cancellationToken);
    }

    private Task<DialogTurnResult> SaveStepAsync(WaterfallStep<EditState> step, CancellationToken cancellationToken)
    {
        if (!step.ResultAs<bool>())
        {
            step.Turn.SendText(CommitmentTexts.NotSaved);
            return step.EndAsync(null, cancellationToken);
        }

        var current = lookup.FindChangeable(step.Turn, step.State.Code);
        if (current is null)
        {
            return step.EndAsync(null, cancellationToken);
        }

        if (current.Version != step.State.Version)
        {
            step.Turn.SendText(step.Turn.F(CommitmentTexts.Changed, current.Code));
            return step.EndAsync(null, cancellationToken);
        }

        var field = step.State.Field;
        var saved = commitments.Change(
            current.Id,
            field.ToString(),
            c => CommitmentEdits.CopyTo(field, step.State.Draft, c),
            c => CommitmentEdits.Describe(field, CommitmentDraft.From(c), english: false),
            step.Turn.User!.Id);
        step.Turn.SendText(step.Turn.F(CommitmentTexts.Edited, saved.Code, saved.Version));
        return step.EndAsync(saved.Code, cancellationToken);
    }

    internal sealed class EditState
    {
        public string Code { get; set; } = string.Empty;
        public int Version { get; set; }
        public CommitmentField Field { get; set; }
        public CommitmentDraft Draft { get; set; } = new();
    }
}
