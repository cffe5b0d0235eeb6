using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Commitments;

/// <summary>
/// Registers a commitment: focus area, programme, title, indicator, target and unit, location, budget (optional),
/// deadline, reporting periods; then a summary card and a confirm. Saved only after "ya".
/// </summary>
internal sealed class RegisterCommitmentDialog(CommitmentPrompts prompts, CommitmentStore commitments, GroupCommitter commits)
    : WaterfallDialog<RegisterCommitmentDialog.RegisterState>(DialogId)
{
    public const string DialogId = "commitment.register";

    /// <summary>Checked by the engine at every step (issue 14, finding 6).</summary>
    public override Role? RequiredRole => Role.Fokal;

    public override IEnumerable<Dialog> Dependencies => prompts.All;

    protected override RegisterState CreateState(DialogContext dc, object? options) =>
        options as RegisterState ?? throw new ArgumentException("Begin with a RegisterState.", nameof(options));

    protected override IEnumerable<Func<WaterfallStep<RegisterState>, CancellationToken, Task<DialogTurnResult>>> DefineSteps() =>
    [
        AskFocusAreaStepAsync, AskProgrammeStepAsync, AskTitleStepAsync, AskIndicatorStepAsync, AskTargetStepAsync,
        AskUnitStepAsync, AskLocationStepAsync, AskBudgetStepAsync, AskDeadlineStepAsync, AskPeriodsStepAsync,
        ConfirmStepAsync, SaveStepAsync,
    ];

    private Task<DialogTurnResult> AskFocusAreaStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.Turn.SendText(step.Turn.F(CommitmentTexts.Start, step.State.OrganisationName));
        return step.PromptAsync(prompts.FocusArea.Id, CommitmentPrompts.FocusAreaOptions(step.Turn), cancellationToken);
    }

    private Task<DialogTurnResult> AskProgrammeStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.State.Draft.FocusArea = Enum.Parse<FocusArea>(step.ResultAs<string>());
        return step.PromptAsync(prompts.Programme.Id, CommitmentPrompts.ProgrammeOptions(step.Turn), cancellationToken);
    }

    private Task<DialogTurnResult> AskTitleStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.State.Draft.Programme = Enum.Parse<Programme>(step.ResultAs<string>());
        return step.PromptAsync(prompts.Text.Id, CommitmentPrompts.TextOptions(step.Turn, CommitmentTexts.AskTitle, CommitmentPrompts.MaxTitle), cancellationToken);
    }

    private Task<DialogTurnResult> AskIndicatorStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.State.Draft.Title = step.ResultAs<string>();
        return step.PromptAsync(prompts.Text.Id, CommitmentPrompts.TextOptions(step.Turn, CommitmentTexts.AskIndicator, CommitmentPrompts.MaxIndicator), cancellationToken);
    }

    private Task<DialogTurnResult> AskTargetStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.State.Draft.OutputIndicator = step.ResultAs<string>();
        return step.PromptAsync(prompts.Target.Id, CommitmentPrompts.NumberOptions(step.Turn, CommitmentTexts.AskTarget), cancellationToken);
    }

    /// <summary>"500 orang" already names the unit; only a bare number needs the question.</summary>
    private Task<DialogTurnResult> AskUnitStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.State.Draft.TargetValue = step.ResultAs<decimal>();
        var unit = IndonesianNumber.UnitOf(step.Turn.Text);
        return unit is { Length: <= CommitmentPrompts.MaxUnit } && unit != "%"
            ? step.NextAsync(unit, cancellationToken)
            : step.PromptAsync(prompts.Text.Id, CommitmentPrompts.TextOptions(step.Turn, CommitmentTexts.AskUnit, CommitmentPrompts.MaxUnit), cancellationToken);
    }

    private Task<DialogTurnResult> AskLocationStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.State.Draft.Unit = step.ResultAs<string>();
        return step.PromptAsync(prompts.Text.Id, CommitmentPrompts.TextOptions(step.Turn, CommitmentTexts.AskLocation, CommitmentPrompts.MaxLocation), cancellationToken);
    }

    private Task<DialogTurnResult> AskBudgetStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.State.Draft.Location = step.ResultAs<string>();
        return step.PromptAsync(prompts.Budget.Id, CommitmentPrompts.NumberOptions(step.Turn, CommitmentTexts.AskBudget, allowSkip: true), cancellationToken);
    }

    private Task<DialogTurnResult> AskDeadlineStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.State.Draft.Budget = step.Result as decimal?;
        return step.PromptAsync(prompts.Deadline.Id, new PromptOptions { Text = step.Turn.T(CommitmentTexts.AskDeadline) }, cancellationToken);
    }

    private Task<DialogTurnResult> AskPeriodsStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.State.Draft.Deadline = step.ResultAs<DateOnly>();
        return step.PromptAsync(prompts.Periods.Id, CommitmentPrompts.PeriodOptions(step.Turn), cancellationToken);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        step.State.Draft.Periods = CommitmentPrompts.ParsePeriods(step.ResultAs<string>());
        var summary = step.Turn.F(CommitmentTexts.Summary, CommitmentFormat.Card(step.State.Draft, step.Turn.IsEnglish));
        return step.PromptAsync(prompts.Confirm.Id, new PromptOptions { Text = summary }, cancellationToken);
    }

    private async Task<DialogTurnResult> SaveStepAsync(WaterfallStep<RegisterState> step, CancellationToken cancellationToken)
    {
        if (!step.ResultAs<bool>())
        {
            step.Turn.SendText(CommitmentTexts.NotSaved);
            return await step.EndAsync(null, cancellationToken);
        }

        // The role may have changed while the form was open (another OPD joined, role revoked).
        if (step.Turn.User is not { IsFokal: true } user || user.OrganisationId != step.State.OrganisationId)
        {
            step.Turn.SendText(EnrollmentTexts.FokalOnly);
            return await step.EndAsync(null, cancellationToken);
        }

        // Through the shared commit: its transaction and fsync are shared with the turns finishing at the same time
        // (BENCHMARKS.md "Load"). A fresh draft object per attempt, since a failed batch runs this again.
        Commitment? saved = null;
        await commits.CommitAsync(
            () => saved = commitments.Register(step.State.Draft.ToCommitment(step.State.OrganisationId), user.Id, step.Turn.RequestKey),
            cancellationToken);
        step.Turn.SendText(step.Turn.F(CommitmentTexts.Saved, saved!.Code));
        return await step.EndAsync(saved.Code, cancellationToken);
    }

    internal sealed class RegisterState
    {
        public int OrganisationId { get; set; }
        public string OrganisationName { get; set; } = string.Empty;
        public CommitmentDraft Draft { get; set; } = new();
    }
}
