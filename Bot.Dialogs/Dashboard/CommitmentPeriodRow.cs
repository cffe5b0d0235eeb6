using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Dashboard;

/// <summary>
/// One commitment in one reporting period it reports in, with its report (if any) and the derived facts the
/// dashboard counts. This is also one row of the Sismonev export.
/// </summary>
public sealed record CommitmentPeriodRow(
    Organisation Organisation,
    Commitment Commitment,
    ReportingPeriod Period,
    ProgressReport? Report,
    DateTimeOffset DueAt,
    bool IsDue)
{
    /// <summary>Submitted or approved; a draft or a report returned for correction does not count.</summary>
    public bool IsReported => Report is { State: ReportState.Submitted or ReportState.Approved };

    /// <summary>Approved (verified) by a coordinator.</summary>
    public bool IsVerified => Report is { State: ReportState.Approved };

    /// <summary>Reported no later than the end of the period in the OPD's time zone.</summary>
    public bool IsOnTime => IsReported && Report!.SubmittedAt is { } at && new DateTimeOffset(at, TimeSpan.Zero) <= DueAt;

    /// <summary>Counts toward the on-time rate once it is due or already reported.</summary>
    public bool CountsForTimeliness => IsDue || IsReported;

    /// <summary>Due, not reported, and the commitment still running.</summary>
    public bool IsMissing => IsDue && !IsReported && Commitment.Status == CommitmentStatus.Active;
}
