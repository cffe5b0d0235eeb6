using Bot.Dialogs.Commitments;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Progress;

/// <summary>
/// Reports progress on a commitment as a form: which commitment and period (skipped when given, as in
/// "lapor RA-2027-014 B6", or when only one is open), the realisation (shown as a percentage of the target), a
/// narrative, evidence, then the summary. A report sent before (returned for correction, or still awaiting review)
/// reopens prefilled with its values and evidence, straight at the summary, where "Tidak" changes one part. Evidence
/// goes only when the user removes it. Submitted only after "ya"; an approved report is locked.
/// </summary>
internal sealed class ReportProgressDialog(
    ICommitmentStore commitments, IProgressReportStore reports, CommitmentLookup lookup, CommitmentPrompts commitmentPrompts, TimeProvider time)
    : FormDialog<ReportProgressDialog.ReportDraft>(DialogId)
{
    public const string DialogId = "progress.report";
    public const int MaxNarrative = 2000;
    private const decimal MaxValue = 1_000_000_000_000_000m;
    private const string CommitmentField = "Commitment";
    private const string PeriodField = "Period";
    private const string ValueField = "Value";
    private const string NarrativeField = "Narrative";
    private const string EvidenceField = "Evidence";

    /// <summary>Checked by the engine at every step (issue 14, finding 6).</summary>
    public override Role? RequiredRole => Role.Fokal;

    private readonly ChoicePrompt _commitment = new(DialogId + ".commitment");
    private readonly ChoicePrompt _period = new(DialogId + ".period");
    private readonly NumberPrompt _value = new(DialogId + ".value", c =>
        c.Value < 0 ? c.Turn.T(ProgressTexts.ValueNegative) : c.Value > MaxValue ? c.Turn.T(ProgressTexts.ValueTooLarge) : null);

    protected override IEnumerable<Dialog> FieldDialogs => [_commitment, _period, _value, commitmentPrompts.Text];

    protected override LocalizedText SaveLabel => ProgressTexts.SubmitButton;

    protected override LocalizedText Title => ProgressTexts.DraftTitle;

    protected override ReportDraft CreateState(DialogContext dc, object? options) => options as ReportDraft ?? new ReportDraft();

    protected override bool OnBegin(FormContext<ReportDraft> form)
    {
        if (form.State.Code.Length > 0)
        {
            var picked = SelectCommitment(form, form.State.Code);
            if (picked.StopMessage is { } stop)
            {
                if (stop.Length > 0)
                {
                    form.Turn.SendText(stop);
                }

                return false;
            }

            form.MarkAnswered(CommitmentField);
            return true;
        }

        if (ActiveCommitments(form).Count == 0)
        {
            form.Turn.SendText(ProgressTexts.NoCommitments);
            return false;
        }

        return true;
    }

    protected override IEnumerable<FormField<ReportDraft>> DefineFields() =>
    [
        new FormField<ReportDraft>
        {
            Name = CommitmentField,
            Label = t => t.T(ProgressTexts.CommitmentLabel),
            DialogId = _commitment.Id,
            Options = CommitmentOptions,
            Apply = (f, answer) => SelectCommitment(f, (string)answer!),
            Editable = false,
        },
        new FormField<ReportDraft>
        {
            Name = PeriodField,
            Label = t => t.T(ProgressTexts.PeriodLabel),
            DialogId = _period.Id,
            Options = f => new PromptOptions
            {
                Text = f.Turn.F(ProgressTexts.AskPeriod, f.State.Code),
                Choices = f.State.OpenPeriods.Select(p => PromptChoice.Of(p.ToString(), p.ToString())).ToList(),
            },
            Apply = (f, answer) => SelectPeriod(f, Enum.Parse<ReportingPeriod>((string)answer!)),
            Editable = false,
        },
        new FormField<ReportDraft>
        {
            Name = ValueField,
            Label = t => t.T(ProgressTexts.ValueLabel),
            DialogId = _value.Id,
            Options = ValueOptions,
            Apply = ApplyValue,
        },
        new FormField<ReportDraft>
        {
            Name = NarrativeField,
            Label = t => t.T(ProgressTexts.NarrativeLabel),
            DialogId = commitmentPrompts.Text.Id,
            Options = f => new PromptOptions { Text = f.Turn.F(ProgressTexts.AskNarrative, MaxNarrative), MaxLength = MaxNarrative },
            Apply = (f, answer) =>
            {
                f.State.Narrative = (string)answer!;
                return FieldResult.Ok;
            },
        },
        new FormField<ReportDraft>
        {
            Name = EvidenceField,
            Label = t => t.T(ProgressTexts.EvidenceLabel),
            DialogId = EvidencePrompt.DialogId,
            Options = f => f.State.Evidence,
            Apply = (f, answer) =>
            {
                f.State.Evidence = answer as List<EvidenceFile> ?? [];
                return FieldResult.Ok;
            },
        },
    ];

    protected override string Summary(FormContext<ReportDraft> form)
    {
        var turn = form.Turn;
        var state = form.State;
        var commitment = commitments.FindByCode(state.Code)!;
        var english = turn.IsEnglish;
        var evidence = state.Evidence.Count == 0
            ? turn.T(ProgressTexts.NoEvidence)
            : string.Join(", ", state.Evidence.Select(f => f.FileName));
        return turn.F(
            ProgressTexts.Summary, commitment.Code, state.Period, commitment.Title, CommitmentFormat.Number(state.Value, english), commitment.Unit,
            CommitmentFormat.Percent(state.Percent, english), state.Narrative, evidence);
    }

    protected override async Task<DialogTurnResult> SaveAsync(FormContext<ReportDraft> form, CancellationToken cancellationToken)
    {
        var turn = form.Turn;
        var state = form.State;
        var commitment = lookup.FindChangeable(turn, state.Code);
        if (commitment is null)
        {
            return await form.Dialog.EndAsync(null, cancellationToken);
        }

        var period = state.Period!.Value;
        var report = reports.Find(commitment.Id, period) ?? new ProgressReport { CommitmentId = commitment.Id, OrganisationId = commitment.OrganisationId, Period = period };
        if (report.IsLocked)
        {
            turn.SendText(turn.F(ProgressTexts.Locked, commitment.Code, period));
            return await form.Dialog.EndAsync(null, cancellationToken);
        }

        report.RealisationValue = state.Value;
        report.RealisationPercent = state.Percent;
        report.Narrative = state.Narrative;
        report.Evidence = state.Evidence;
        report.State = ReportState.Submitted;
        report.SubmittedBy = turn.User!.Id;
        report.SubmittedAt = time.GetUtcNow().UtcDateTime;
        report.ReviewComment = null;
        report.ReviewedBy = null;
        report.ReviewedAt = null;
        reports.Save(report);
        turn.SendText(turn.F(ProgressTexts.Submitted, commitment.Code, period));
        return await form.Dialog.EndAsync(report.Id, cancellationToken);
    }

    private List<Commitment> ActiveCommitments(FormContext<ReportDraft> form) =>
        commitments.ListByOrganisation(form.Turn.User?.OrganisationId ?? 0).Where(c => c.Status == CommitmentStatus.Active).ToList();

    private PromptOptions CommitmentOptions(FormContext<ReportDraft> form)
    {
        var active = ActiveCommitments(form);
        return new PromptOptions
        {
            Text = form.Turn.T(ProgressTexts.AskCommitment) + "\n\n" + string.Join("\n", active.Select(c => $"- **{c.Code}** {MarkdownText.Escape(c.Title)}")),
            Choices = active.Select(c => PromptChoice.Of(c.Code, c.Code, c.Title)).ToList(),
        };
    }

    /// <summary>The commitment is known: its open periods, and the period itself when given or when only one is open.</summary>
    private FieldResult SelectCommitment(FormContext<ReportDraft> form, string code)
    {
        var commitment = lookup.FindChangeable(form.Turn, code);
        if (commitment is null)
        {
            return FieldResult.Stop();
        }

        var state = form.State;
        state.Code = commitment.Code;
        state.OpenPeriods = commitment.Periods.Where(p => reports.Find(commitment.Id, p) is not { IsLocked: true }).ToList();
        if (state.Period is { } given)
        {
            if (commitment.Periods.Contains(given))
            {
                return SelectPeriod(form, given);
            }

            form.Turn.SendText(form.Turn.F(ProgressTexts.PeriodNotPlanned, commitment.Code, given, CommitmentFormat.Periods(commitment.Periods)));
            state.Period = null;
        }

        return state.OpenPeriods.Count switch
        {
            0 => FieldResult.Stop(form.Turn.F(ProgressTexts.AllLocked, commitment.Code)),
            1 => SelectPeriod(form, state.OpenPeriods[0]),
            _ => FieldResult.Ok,
        };
    }

    /// <summary>
    /// The period is known. A report sent before for it fills the form (values, narrative, evidence), so the user
    /// corrects what the coordinator asked for instead of typing everything again.
    /// </summary>
    private FieldResult SelectPeriod(FormContext<ReportDraft> form, ReportingPeriod period)
    {
        var state = form.State;
        var commitment = commitments.FindByCode(state.Code)!;
        var existing = reports.Find(commitment.Id, period);
        if (existing is { State: ReportState.Approved })
        {
            return FieldResult.Stop(form.Turn.F(ProgressTexts.Locked, commitment.Code, period));
        }

        state.Period = period;
        form.MarkAnswered(PeriodField);
        if (existing?.State is ReportState.Submitted or ReportState.Returned)
        {
            var note = existing.State == ReportState.Returned
                ? form.Turn.F(ProgressTexts.WasReturned, commitment.Code, period, existing.ReviewComment)
                : form.Turn.F(ProgressTexts.Replacing, commitment.Code, period);
            form.Turn.SendText(note + "\n\n" + form.Turn.T(ProgressTexts.Prefilled));
            state.Value = existing.RealisationValue;
            state.Percent = existing.RealisationPercent;
            state.Narrative = existing.Narrative;
            state.Evidence = [.. existing.Evidence];
            form.MarkAnswered(ValueField);
            form.MarkAnswered(NarrativeField);
            form.MarkAnswered(EvidenceField);
        }

        return FieldResult.Ok;
    }

    private PromptOptions ValueOptions(FormContext<ReportDraft> form)
    {
        var commitment = commitments.FindByCode(form.State.Code)!;
        var english = form.Turn.IsEnglish;
        return new PromptOptions
        {
            Text = form.Turn.F(ProgressTexts.AskValue, commitment.Code, form.State.Period, CommitmentFormat.Number(commitment.TargetValue, english), commitment.Unit),
        };
    }

    private FieldResult ApplyValue(FormContext<ReportDraft> form, object? answer)
    {
        var commitment = commitments.FindByCode(form.State.Code)!;
        var english = form.Turn.IsEnglish;
        form.State.Value = (decimal)answer!;
        form.State.Percent = Math.Round(form.State.Value / commitment.TargetValue * 100m, 1, MidpointRounding.AwayFromZero);
        form.Turn.SendText(form.Turn.F(
            ProgressTexts.Percent, CommitmentFormat.Number(form.State.Value, english), commitment.Unit, CommitmentFormat.Percent(form.State.Percent, english)));
        return FieldResult.Ok;
    }

    internal sealed class ReportDraft
    {
        public string Code { get; set; } = string.Empty;
        public ReportingPeriod? Period { get; set; }
        public List<ReportingPeriod> OpenPeriods { get; set; } = [];
        public decimal Value { get; set; }
        public decimal Percent { get; set; }
        public string Narrative { get; set; } = string.Empty;
        public List<EvidenceFile> Evidence { get; set; } = [];
    }
}
