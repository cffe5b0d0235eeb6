using System.Globalization;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Commitments;

/// <summary>
/// Registers a commitment as a form: plan year (asked only from October, when two are plausible), focus area,
/// programme, title, indicator, target and unit, location, budget (optional), deadline in the plan year, reporting
/// periods; then the summary, which flags a period already over. "Tidak" at the summary changes one field. Saved
/// only after "ya"; until then the answers are the fokal's draft.
/// </summary>
internal sealed class RegisterCommitmentDialog(CommitmentPrompts prompts, ICommitmentStore commitments, TimeProvider time)
    : FormDialog<RegisterCommitmentDialog.RegisterState>(DialogId)
{
    public const string DialogId = "commitment.register";

    /// <summary>Checked by the engine at every step (issue 14, finding 6).</summary>
    public override Role? RequiredRole => Role.Fokal;

    protected override IEnumerable<Dialog> FieldDialogs => prompts.All;

    protected override LocalizedText SaveLabel => CommitmentTexts.SaveButton;

    protected override LocalizedText Title => CommitmentTexts.DraftTitle;

    protected override RegisterState CreateState(DialogContext dc, object? options) =>
        options as RegisterState ?? throw new ArgumentException("Begin with a RegisterState.", nameof(options));

    protected override bool OnBegin(FormContext<RegisterState> form)
    {
        var years = CommitmentPrompts.PlanYears(form.Turn.Today(time));
        form.State.AskYear = years.Count > 1;
        form.State.Year = years[0];
        form.Turn.SendText(form.Turn.F(CommitmentTexts.Start, form.State.OrganisationName));
        return true;
    }

    protected override IEnumerable<FormField<RegisterState>> DefineFields() =>
    [
        Field(CommitmentField.FocusArea, prompts.FocusArea.Id, f => CommitmentPrompts.FocusAreaOptions(f.Turn)),
        Field(CommitmentField.Programme, prompts.Programme.Id, f => CommitmentPrompts.ProgrammeOptions(f.Turn)),
        Field(CommitmentField.Title, prompts.Text.Id, f => CommitmentPrompts.TextOptions(f.Turn, CommitmentTexts.AskTitle, CommitmentPrompts.MaxTitle)),
        Field(CommitmentField.OutputIndicator, prompts.Text.Id, f => CommitmentPrompts.TextOptions(f.Turn, CommitmentTexts.AskIndicator, CommitmentPrompts.MaxIndicator)),
        new FormField<RegisterState>
        {
            Name = nameof(CommitmentField.Target),
            Label = t => CommitmentFieldNames.Of(CommitmentField.Target, t.IsEnglish),
            DialogId = prompts.Target.Id,
            Options = f => CommitmentPrompts.NumberOptions(f.Turn, CommitmentTexts.AskTarget),
            Apply = ApplyTarget,
        },
        Field(CommitmentField.Unit, prompts.Text.Id, f => CommitmentPrompts.TextOptions(f.Turn, CommitmentTexts.AskUnit, CommitmentPrompts.MaxUnit)),
        Field(CommitmentField.Location, prompts.Text.Id, f => CommitmentPrompts.TextOptions(f.Turn, CommitmentTexts.AskLocation, CommitmentPrompts.MaxLocation)),
        Field(CommitmentField.Budget, prompts.Budget.Id, f => CommitmentPrompts.NumberOptions(f.Turn, CommitmentTexts.AskBudget, allowSkip: true)),
        new FormField<RegisterState>
        {
            Name = YearField,
            Label = t => t.T(CommitmentTexts.YearLabel),
            DialogId = prompts.Year.Id,
            Options = f => CommitmentPrompts.YearOptions(f.Turn, f.Turn.Today(time)),
            Apply = ApplyYear,
            AskWhen = s => s.AskYear,
        },
        Field(CommitmentField.Deadline, prompts.Deadline.Id, f => prompts.DeadlineOptions(f.Turn, f.State.Year)),
        Field(CommitmentField.Periods, prompts.Periods.Id, f => CommitmentPrompts.PeriodOptions(f.Turn)),
    ];

    private const string YearField = "Year";

    protected override string Summary(FormContext<RegisterState> form)
    {
        var turn = form.Turn;
        var english = turn.IsEnglish;
        var today = turn.Today(time);
        var warnings = form.State.Draft.Periods
            .Select(p => (Period: p, End: ReportingPeriods.EndOf(p, form.State.Year)))
            .Where(p => p.End < today)
            .Select(p => turn.F(CommitmentTexts.PeriodPast, p.Period, form.State.Year, CommitmentFormat.Date(p.End, english)) + "\n\n");
        return turn.F(CommitmentTexts.Summary, CommitmentFormat.Card(form.State.Draft, english), form.State.Year, new Markdown(string.Concat(warnings)));
    }

    protected override async Task<DialogTurnResult> SaveAsync(FormContext<RegisterState> form, CancellationToken cancellationToken)
    {
        var turn = form.Turn;

        // The role may have changed while the form was open (another OPD joined, role revoked).
        if (turn.User is not { IsFokal: true } user || user.OrganisationId != form.State.OrganisationId)
        {
            turn.SendText(EnrollmentTexts.FokalOnly);
            return await form.Dialog.EndAsync(null, cancellationToken);
        }

        // Written with the rest of the turn; two fokal registering at once get different codes (the one whose code
        // sequence changed meanwhile runs the turn again).
        var saved = commitments.Register(form.State.Draft.ToCommitment(form.State.OrganisationId), user.Id, turn.RequestKey);
        turn.SendText(turn.F(CommitmentTexts.Saved, saved.Code));
        return await form.Dialog.EndAsync(saved.Code, cancellationToken);
    }

    private static FormField<RegisterState> Field(CommitmentField field, string dialogId, Func<FormContext<RegisterState>, object?> options) => new()
    {
        Name = field.ToString(),
        Label = t => CommitmentFieldNames.Of(field, t.IsEnglish),
        DialogId = dialogId,
        Options = options,
        Apply = (f, answer) =>
        {
            CommitmentEdits.Apply(field, f.State.Draft, answer is SkippedAnswer ? null : answer);
            return FieldResult.Ok;
        },
    };

    /// <summary>"500 orang" already names the unit; only a bare number needs the unit question.</summary>
    private static FieldResult ApplyTarget(FormContext<RegisterState> form, object? answer)
    {
        form.State.Draft.TargetValue = (decimal)answer!;
        var unit = IndonesianNumber.UnitOf(form.Turn.Text);
        if (unit is { Length: <= CommitmentPrompts.MaxUnit } && unit != "%")
        {
            form.State.Draft.Unit = unit;
            form.MarkAnswered(nameof(CommitmentField.Unit));
        }

        return FieldResult.Ok;
    }

    /// <summary>A new plan year moves the deadline out of it: ask the deadline again.</summary>
    private static FieldResult ApplyYear(FormContext<RegisterState> form, object? answer)
    {
        var year = int.Parse((string)answer!, CultureInfo.InvariantCulture);
        if (form.IsAnswered(nameof(CommitmentField.Deadline)) && form.State.Draft.Deadline.Year != year)
        {
            form.Unanswer(nameof(CommitmentField.Deadline));
        }

        form.State.Year = year;
        return FieldResult.Ok;
    }

    internal sealed class RegisterState
    {
        public int OrganisationId { get; set; }
        public string OrganisationName { get; set; } = string.Empty;

        /// <summary>The plan year; the deadline falls in it.</summary>
        public int Year { get; set; }

        /// <summary>Whether the year is asked (two are plausible).</summary>
        public bool AskYear { get; set; }

        public CommitmentDraft Draft { get; set; } = new();
    }
}
