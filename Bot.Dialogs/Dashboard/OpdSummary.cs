using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Dashboard;

/// <summary>One line of the per-OPD table (the definitions are in the README, "Dashboard").</summary>
public sealed record OpdSummary(
    Organisation? Organisation,
    int Commitments,
    int OnTrack,
    int Overdue,
    int B6Reported,
    int B6Verified,
    int B12Reported,
    int B12Verified,
    int DueOrReported,
    int OnTime,
    decimal? AverageRealisation)
{
    /// <summary>Reports in on time ÷ reports due or already in; null when nothing was due yet.</summary>
    public decimal? OnTimeRate => DueOrReported == 0 ? null : Math.Round(100m * OnTime / DueOrReported, 1);
}
