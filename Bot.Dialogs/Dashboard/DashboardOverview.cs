using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Dashboard;

/// <summary>Everything on the dashboard's front page for one filter.</summary>
public sealed record DashboardOverview(
    DashboardFilter Filter,
    IReadOnlyList<OpdSummary> Rows,
    OpdSummary Total,
    IReadOnlyList<PeriodReportingRate> ReportingRates,
    IReadOnlyList<ProgrammeCount> Programmes);

/// <summary>How many commitments expected a report for the period, and how many reported and were verified.</summary>
public sealed record PeriodReportingRate(ReportingPeriod Period, int Expected, int Reported, int Verified)
{
    public decimal? Rate => Expected == 0 ? null : Math.Round(100m * Reported / Expected, 1);
}

/// <summary>Commitments tagged with one programme.</summary>
public sealed record ProgrammeCount(Programme Programme, int Commitments);

/// <summary>One commitment of an OPD with its period rows and where it stands.</summary>
public sealed record CommitmentStanding(Commitment Commitment, IReadOnlyList<CommitmentPeriodRow> Periods, bool IsOverdue, bool IsOnTrack, decimal? LatestPercent);
