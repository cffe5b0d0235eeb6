using Bot.Dialogs.Commitments;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Prompts;
using Bot.Dialogs.Progress;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Coordinator;

/// <summary>
/// The coordinator's verification: the submitted reports, one report's detail, then approve (locks it) or return
/// with a comment. The fokal is told either way: the notice is written with the review in one transaction and
/// pushed after the commit; if the push fails it waits in the outbox for the fokal's next turn.
/// After each decision the dialog ends and says how many reports still wait, with a "Verifikasi" button, so the
/// next message (say, "dasbor") is never taken as a pick from a list the coordinator did not ask for. Evidence is
/// shown as attachments: photos inline, PDFs as links (<see cref="EvidenceLinks"/>).
/// </summary>
internal sealed class VerifyReportsDialog(
    ReportReview review, IProgressReportStore reports, ICommitmentStore commitments, IOrganisationStore organisations, IUserStore users, EvidenceLinks links)
    : WaterfallDialog<VerifyReportsDialog.VerifyState>(DialogId)
{
    public const string DialogId = "coordinator.verify";
    public const int MaxComment = 500;

    /// <summary>Checked by the engine at every step (issue 14, finding 6).</summary>
    public override Role? RequiredRole => Role.Koordinator;

    private readonly ChoicePrompt _report = new(DialogId + ".report");
    private readonly ChoicePrompt _decision = new(DialogId + ".decision");
    private readonly TextPrompt _comment = new(DialogId + ".comment");

    public override IEnumerable<Dialog> Dependencies => [_report, _decision, _comment];

    protected override IEnumerable<Func<WaterfallStep<VerifyState>, CancellationToken, Task<DialogTurnResult>>> DefineSteps() =>
        [PickReportStepAsync, ShowReportStepAsync, DecideStepAsync, ReturnStepAsync];

    private Task<DialogTurnResult> PickReportStepAsync(WaterfallStep<VerifyState> step, CancellationToken cancellationToken)
    {
        var pending = reports.ListByState(ReportState.Submitted);
        if (pending.Count == 0)
        {
            step.Turn.SendText(step.State.Reviewed > 0 ? step.Turn.T(VerificationTexts.NothingPending) + " " + step.Turn.T(VerificationTexts.Finished) : step.Turn.T(VerificationTexts.NothingPending));
            return step.EndAsync(null, cancellationToken);
        }

        var english = step.Turn.IsEnglish;
        var listed = pending.Take(10).Select(r => (Report: r, Commitment: commitments.Get(r.CommitmentId)!)).ToList();
        var lines = listed.Select(x => step.Turn.F(
            VerificationTexts.PickLine, x.Commitment.Code, x.Report.Period, organisations.Get(x.Report.OrganisationId)?.ShortName, x.Commitment.Title,
            CommitmentFormat.Percent(x.Report.RealisationPercent, english)));
        var options = new PromptOptions
        {
            Text = step.Turn.F(VerificationTexts.Pick, new Markdown(string.Join("\n", lines))),
            Choices = listed.Select(x => PromptChoice.Of(x.Report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{x.Commitment.Code} {x.Report.Period}")).ToList(),
        };
        return step.PromptAsync(_report.Id, options, cancellationToken);
    }

    private Task<DialogTurnResult> ShowReportStepAsync(WaterfallStep<VerifyState> step, CancellationToken cancellationToken)
    {
        step.State.ReportId = int.Parse(step.ResultAs<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var report = reports.Get(step.State.ReportId);
        if (report is not { State: ReportState.Submitted })
        {
            step.Turn.SendText(VerificationTexts.AlreadyHandled);
            return step.GoToAsync(0, null, cancellationToken);
        }

        var commitment = commitments.Get(report.CommitmentId)!;
        var english = step.Turn.IsEnglish;
        var evidence = report.Evidence.Count == 0
            ? "-"
            : string.Join(", ", report.Evidence.Select(f => f.FileName));
        var submitter = users.Get(report.SubmittedBy)?.Label(english) ?? step.Turn.T(VerificationTexts.UnknownPerson);
        var text = step.Turn.F(
            VerificationTexts.Detail, commitment.Code, report.Period, organisations.Get(report.OrganisationId)?.Name, commitment.Title,
            CommitmentFormat.Number(commitment.TargetValue, english), commitment.Unit, CommitmentFormat.Number(report.RealisationValue, english),
            CommitmentFormat.Percent(report.RealisationPercent, english), report.Narrative, evidence, submitter);
        if (report.Evidence.Count > 0)
        {
            step.Turn.Send(EvidenceMessage.Build(step.Turn, report.Evidence, links));
        }

        var choices = new List<PromptChoice>
        {
            PromptChoice.Of("approve", step.Turn.T(VerificationTexts.Approve), "setuju", "approve", "terima", "ok"),
            PromptChoice.Of("return", step.Turn.T(VerificationTexts.Return), "kembalikan", "return", "tolak", "revisi"),
            PromptChoice.Of("later", step.Turn.T(VerificationTexts.Later), "nanti", "later", "lewati"),
        };
        return step.PromptAsync(_decision.Id, new PromptOptions { Text = text, Choices = choices }, cancellationToken);
    }

    private async Task<DialogTurnResult> DecideStepAsync(WaterfallStep<VerifyState> step, CancellationToken cancellationToken)
    {
        switch (step.ResultAs<string>())
        {
            case "approve":
                Conclude(step, review.Approve(step.State.ReportId, step.Turn.User!.Id), VerificationTexts.Approved);
                return await step.EndAsync(null, cancellationToken);
            case "return":
                return await step.PromptAsync(_comment.Id, new PromptOptions { Text = step.Turn.F(VerificationTexts.AskComment, MaxComment), MaxLength = MaxComment }, cancellationToken);
            default:
                step.Turn.SendText(VerificationTexts.Finished);
                return await step.EndAsync(null, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> ReturnStepAsync(WaterfallStep<VerifyState> step, CancellationToken cancellationToken)
    {
        var outcome = review.Return(step.State.ReportId, step.Turn.User!.Id, step.ResultAs<string>());
        Conclude(step, outcome, VerificationTexts.Returned);
        return await step.EndAsync(null, cancellationToken);
    }

    private void Conclude(WaterfallStep<VerifyState> step, ReportReview.Outcome? outcome, LocalizedText done)
    {
        if (outcome is null)
        {
            step.Turn.SendText(VerificationTexts.AlreadyHandled);
            return;
        }

        step.State.Reviewed++;
        var delivered = review.CanNotifyNow(outcome);
        step.Turn.AfterCommit(ct => review.TryNotifyAsync(outcome, ct));
        var said = step.Turn.F(done, outcome.Commitment.Code, outcome.Report.Period) + " " + step.Turn.T(delivered ? VerificationTexts.FokalNotified : VerificationTexts.FokalPending);
        var waiting = reports.ListByState(ReportState.Submitted).Count;
        if (waiting == 0)
        {
            step.Turn.SendText(said + "\n\n" + step.Turn.T(VerificationTexts.NothingPending), Enrollment.RoleSuggestions.For(step.Turn));
            return;
        }

        step.Turn.SendText(said + "\n\n" + step.Turn.F(VerificationTexts.MoreWaiting, waiting), [step.Turn.T(VerificationTexts.VerifyNext), .. Enrollment.RoleSuggestions.For(step.Turn).Where(s => s != step.Turn.T(VerificationTexts.VerifyNext))]);
    }

    internal sealed class VerifyState
    {
        public int ReportId { get; set; }
        public int Reviewed { get; set; }
    }
}
