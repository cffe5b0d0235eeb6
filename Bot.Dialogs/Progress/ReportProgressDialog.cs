using Bot.Dialogs.Commitments;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Progress;

/// <summary>
/// Reports progress on a commitment: which commitment and period (skipped when given, as in
/// "lapor RA-2027-014 B6"), the realisation (shown as a percentage of the target), a narrative, evidence, then a
/// summary and a confirm. Submitted only after "ya"; an approved report is locked.
/// </summary>
internal sealed class ReportProgressDialog(
    CommitmentStore commitments, ProgressReportStore reports, CommitmentLookup lookup, CommitmentPrompts commitmentPrompts, TimeProvider time)
    : WaterfallDialog<ReportProgressDialog.ReportDraft>(DialogId)
{
    public const string DialogId = "progress.report";
    public const int MaxNarrative = 2000;
    private const decimal MaxValue = 1_000_000_000_000_000m;

    /// <summary>Checked by the engine at every step (issue 14, finding 6).</summary>
    public override Role? RequiredRole => Role.Fokal;

    private readonly ChoicePrompt _commitment = new(DialogId + ".commitment");
    private readonly ChoicePrompt _period = new(DialogId + ".period");
    private readonly NumberPrompt _value = new(DialogId + ".value", c =>
        c.Value < 0 ? c.Turn.T(ProgressTexts.ValueNegative) : c.Value > MaxValue ? c.Turn.T(ProgressTexts.ValueTooLarge) : null);

    public override IEnumerable<Dialog> Dependencies => [_commitment, _period, _value, commitmentPrompts.Text, commitmentPrompts.Confirm];

    protected override ReportDraft CreateState(DialogContext dc, object? options) => options as ReportDraft ?? new ReportDraft();

    protected override IEnumerable<Func<WaterfallStep<ReportDraft>, CancellationToken, Task<DialogTurnResult>>> DefineSteps() =>
    [
        ChooseCommitmentStepAsync, ChoosePeriodStepAsync, AskValueStepAsync, AskNarrativeStepAsync, AskEvidenceStepAsync,
        ConfirmStepAsync, SubmitStepAsync,
    ];

    private Task<DialogTurnResult> ChooseCommitmentStepAsync(WaterfallStep<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (step.State.Code.Length > 0)
        {
            return step.NextAsync(step.State.Code, cancellationToken);
        }

        var active = commitments.ListByOrganisation(step.Turn.User!.OrganisationId ?? 0).Where(c => c.Status == CommitmentStatus.Active).ToList();
        if (active.Count == 0)
        {
            step.Turn.SendText(ProgressTexts.NoCommitments);
            return step.EndAsync(null, cancellationToken);
        }

        var options = new PromptOptions
        {
            Text = step.Turn.T(ProgressTexts.AskCommitment) + "\n\n" + string.Join("\n", active.Select(c => $"- **{c.Code}** {MarkdownText.Escape(c.Title)}")),
            Choices = active.Select(c => PromptChoice.Of(c.Code, c.Code, c.Title)).ToList(),
        };
        return step.PromptAsync(_commitment.Id, options, cancellationToken);
    }

    private Task<DialogTurnResult> ChoosePeriodStepAsync(WaterfallStep<ReportDraft> step, CancellationToken cancellationToken)
    {
        var commitment = lookup.FindChangeable(step.Turn, step.ResultAs<string>());
        if (commitment is null)
        {
            return step.EndAsync(null, cancellationToken);
        }

        step.State.Code = commitment.Code;
        var open = commitment.Periods.Where(p => reports.Find(commitment.Id, p) is not { IsLocked: true }).ToList();
        if (step.State.Period is { } given)
        {
            if (commitment.Periods.Contains(given))
            {
                return step.NextAsync(given.ToString(), cancellationToken);
            }

            step.Turn.SendText(step.Turn.F(ProgressTexts.PeriodNotPlanned, commitment.Code, given, CommitmentFormat.Periods(commitment.Periods)));
        }

        if (open.Count == 0)
        {
            step.Turn.SendText(step.Turn.F(ProgressTexts.AllLocked, commitment.Code));
            return step.EndAsync(null, cancellationToken);
        }

        if (open.Count == 1)
        {
            return step.NextAsync(open[0].ToString(), cancellationToken);
        }

        var options = new PromptOptions
        {
            Text = step.Turn.F(ProgressTexts.AskPeriod, commitment.Code),
            Choices = open.Select(p => PromptChoice.Of(p.ToString(), p.ToString())).ToList(),
        };
        return step.PromptAsync(_period.Id, options, cancellationToken);
    }

    private Task<DialogTurnResult> AskValueStepAsync(WaterfallStep<ReportDraft> step, CancellationToken cancellationToken)
    {
        var period = Enum.Parse<ReportingPeriod>(step.ResultAs<string>());
        step.State.Period = period;
        var commitment = commitments.FindByCode(step.State.Code)!;
        var existing = reports.Find(commitment.Id, period);
        switch (existing?.State)
        {
            case ReportState.Approved:
                step.Turn.SendText(step.Turn.F(ProgressTexts.Locked, commitment.Code, period));
                return step.EndAsync(null, cancellationToken);
            case ReportState.Submitted:
                step.Turn.SendText(step.Turn.F(ProgressTexts.Replacing, commitment.Code, period));
                break;
            case ReportState.Returned:
                step.Turn.SendText(step.Turn.F(ProgressTexts.WasReturned, commitment.Code, period, existing.ReviewComment));
                break;
        }

        var english = step.Turn.IsEnglish;
        var text = step.Turn.F(ProgressTexts.AskValue, commitment.Code, period, CommitmentFormat.Number(commitment.TargetValue, english), commitment.Unit);
        return step.PromptAsync(_value.Id, new PromptOptions { Text = text }, cancellationToken);
    }

    private Task<DialogTurnResult> AskNarrativeStepAsync(WaterfallStep<ReportDraft> step, CancellationToken cancellationToken)
    {
        var commitment = commitments.FindByCode(step.State.Code)!;
        var english = step.Turn.IsEnglish;
        step.State.Value = step.ResultAs<decimal>();
        step.State.Percent = Math.Round(step.State.Value / commitment.TargetValue * 100m, 1, MidpointRounding.AwayFromZero);
        step.Turn.SendText(step.Turn.F(
            ProgressTexts.Percent, CommitmentFormat.Number(step.State.Value, english), commitment.Unit, CommitmentFormat.Percent(step.State.Percent, english)));
        var text = step.Turn.F(ProgressTexts.AskNarrative, MaxNarrative);
        return step.PromptAsync(commitmentPrompts.Text.Id, new PromptOptions { Text = text, MaxLength = MaxNarrative }, cancellationToken);
    }

    private Task<DialogTurnResult> AskEvidenceStepAsync(WaterfallStep<ReportDraft> step, CancellationToken cancellationToken)
    {
        step.State.Narrative = step.ResultAs<string>();
        return step.BeginDialogAsync(EvidencePrompt.DialogId, null, cancellationToken);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStep<ReportDraft> step, CancellationToken cancellationToken)
    {
        step.State.Evidence = step.ResultAs<List<EvidenceFile>>();
        var commitment = commitments.FindByCode(step.State.Code)!;
        var english = step.Turn.IsEnglish;
        var evidence = step.State.Evidence.Count == 0
            ? step.Turn.T(ProgressTexts.NoEvidence)
            : string.Join(", ", step.State.Evidence.Select(f => f.FileName));
        var text = step.Turn.F(
            ProgressTexts.Summary, commitment.Code, step.State.Period, commitment.Title, CommitmentFormat.Number(step.State.Value, english), commitment.Unit,
            CommitmentFormat.Percent(step.State.Percent, english), step.State.Narrative, evidence);
        return step.PromptAsync(commitmentPrompts.Confirm.Id, new PromptOptions { Text = text }, cancellationToken);
    }

    private Task<DialogTurnResult> SubmitStepAsync(WaterfallStep<ReportDraft> step, CancellationToken cancellationToken)
    {
        if (!step.ResultAs<bool>())
        {
            step.Turn.SendText(ProgressTexts.NotSubmitted);
            return step.EndAsync(null, cancellationToken);
        }

        var commitment = lookup.FindChangeable(step.Turn, step.State.Code);
        if (commitment is null)
        {
            return step.EndAsync(null, cancellationToken);
        }

        var period = step.State.Period!.Value;
        var report = reports.Find(commitment.Id, period) ?? new ProgressReport { CommitmentId = commitment.Id, OrganisationId = commitment.OrganisationId, Period = period };
        if (report.IsLocked)
        {
            step.Turn.SendText(step.Turn.F(ProgressTexts.Locked, commitment.Code, period));
            return step.EndAsync(null, cancellationToken);
        }

        report.RealisationValue = step.State.Value;
        report.RealisationPercent = step.State.Percent;
        report.Narrative = step.State.Narrative;
        report.Evidence = step.State.Evidence;
        report.State = ReportState.Submitted;
        report.SubmittedBy = step.Turn.User!.Id;
        report.SubmittedAt = time.GetUtcNow().UtcDateTime;
        report.ReviewComment = null;
        report.ReviewedBy = null;
        report.ReviewedAt = null;
        reports.Save(report);
        step.Turn.SendText(step.Turn.F(ProgressTexts.Submitted, commitment.Code, period));
        return step.EndAsync(report.Id, cancellationToken);
    }

    internal sealed class ReportDraft
    {
        public string Code { get; set; } = string.Empty;
        public ReportingPeriod? Period { get; set; }
        public decimal Value { get; set; }
        public decimal Percent { get; set; }
        public string Narrative { get; set; } = string.Empty;
        public List<EvidenceFile> Evidence { get; set; } = [];
    }
}
