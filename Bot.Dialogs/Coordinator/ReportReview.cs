using Bot.Dialogs.Domain;
using Bot.Dialogs.Notifications;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Coordinator;

/// <summary>
/// Approves or returns a submitted report. The verdict and the notice to the fokal are written in the caller's unit
/// of work (the turn's); the notice is pushed only after that committed.
/// </summary>
internal sealed class ReportReview(
    IProgressReportStore reports, ICommitmentStore commitments, IUserStore users, NotificationOutbox outbox, TimeProvider time)
{
    public Outcome? Approve(int reportId, string reviewerId) => Review(reportId, reviewerId, ReportState.Approved, null);

    public Outcome? Return(int reportId, string reviewerId, string comment) => Review(reportId, reviewerId, ReportState.Returned, comment);

    /// <summary>Whether the fokal can be told at once (else the notice waits for their next message).</summary>
    public bool CanNotifyNow(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outbox.CanPush(outcome.Notice.UserId);
    }

    /// <summary>Pushes the notice now (call once the verdict committed); false when it stays in the outbox for the fokal's next turn.</summary>
    public Task<bool> TryNotifyAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outbox.TryDeliverAsync(outcome.Notice, cancellationToken);
    }

    private Outcome? Review(int reportId, string reviewerId, ReportState verdict, string? comment)
    {
        var report = reports.Get(reportId);
        if (report is not { State: ReportState.Submitted })
        {
            return null;
        }

        var commitment = commitments.Get(report.CommitmentId)!;
        report.State = verdict;
        report.ReviewedBy = reviewerId;
        report.ReviewedAt = time.GetUtcNow().UtcDateTime;
        report.ReviewComment = comment;
        reports.Save(report);

        var locale = users.Get(report.SubmittedBy)?.Locale;
        var notice = verdict == ReportState.Approved
            ? VerificationTexts.NoticeApproved.Format(locale, commitment.Code, report.Period, commitment.Title)
            : VerificationTexts.NoticeReturned.Format(locale, commitment.Code, report.Period, commitment.Title, comment);
        string[] suggestions = verdict == ReportState.Returned ? [$"lapor {commitment.Code} {report.Period}"] : [];
        return new Outcome(report, commitment, outbox.Enqueue(report.SubmittedBy, notice, suggestions));
    }

    internal sealed record Outcome(ProgressReport Report, Commitment Commitment, Notice Notice);
}
