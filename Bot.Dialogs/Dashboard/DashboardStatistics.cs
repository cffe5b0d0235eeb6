using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Dashboard;

/// <summary>
/// Derives the dashboard's figures from the stores. Reads everything of one year: a few hundred commitments
/// per kabupaten, so no pre-aggregation is needed.
/// </summary>
public sealed class DashboardStatistics(
    IOrganisationStore organisations,
    ICommitmentStore commitments,
    IProgressReportStore reports,
    TimeProvider time)
{
    /// <summary>The expected realisation when a period's report is in: half at B6, all at B12.</summary>
    public static decimal ExpectedPercent(ReportingPeriod period) => period == ReportingPeriod.B6 ? 50m : 100m;

    /// <summary>The moment a period's report is due: the end of the period's last day in the OPD's zone.</summary>
    public static DateTimeOffset DueAt(ReportingPeriod period, int year, string? timeZone)
    {
        var nextDay = ReportingPeriods.EndOf(period, year).AddDays(1).ToDateTime(TimeOnly.MinValue);
        var zone = IndonesianTimeZones.Find(timeZone);
        return new DateTimeOffset(nextDay, zone.GetUtcOffset(nextDay));
    }

    /// <summary>Plan years that have commitments, newest first, always including the current year.</summary>
    public IReadOnlyList<int> Years()
    {
        var current = CurrentYear();
        return commitments.ListAll().Select(c => c.Year).Append(current).Distinct().OrderDescending().ToList();
    }

    public int CurrentYear() => TimeZoneInfo.ConvertTime(time.GetUtcNow(), IndonesianTimeZones.Find(null)).Year;

    /// <summary>Every (commitment, period) pair that matches the filter; cancelled commitments are left out.</summary>
    public IReadOnlyList<CommitmentPeriodRow> Rows(DashboardFilter filter, int? organisationId = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = time.GetUtcNow();
        var byId = organisations.ListAll().ToDictionary(o => o.Id);
        var reportsByCommitment = reports.ListAll().ToLookup(r => r.CommitmentId);
        var rows = new List<CommitmentPeriodRow>();
        foreach (var commitment in commitments.ListAll(filter.Year))
        {
            if (commitment.Status == CommitmentStatus.Cancelled
                || (filter.Programme is { } programme && commitment.Programme != programme)
                || (organisationId is { } only && commitment.OrganisationId != only)
                || !byId.TryGetValue(commitment.OrganisationId, out var organisation))
            {
                continue;
            }

            var periods = commitment.Periods.Count == 0 ? [ReportingPeriod.B6, ReportingPeriod.B12] : commitment.Periods;
            foreach (var period in periods.Distinct().Where(p => filter.Period is null || filter.Period == p).Order())
            {
                var due = DueAt(period, commitment.Year, organisation.TimeZone);
                var report = reportsByCommitment[commitment.Id].FirstOrDefault(r => r.Period == period);
                rows.Add(new CommitmentPeriodRow(organisation, commitment, period, report, due, now >= due));
            }
        }

        return rows.OrderBy(r => r.Organisation.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Commitment.Code, StringComparer.Ordinal)
            .ThenBy(r => r.Period)
            .ToList();
    }

    /// <summary>Each commitment with its rows: overdue, on track, and the latest reported percentage.</summary>
    public IReadOnlyList<CommitmentStanding> Standings(DashboardFilter filter, int? organisationId = null) =>
        Rows(filter, organisationId).GroupBy(r => r.Commitment.Id).Select(Stand).ToList();

    public DashboardOverview Overview(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = Rows(filter);
        var summaries = organisations.ListAll()
            .Select(o => Summarise(o, rows.Where(r => r.Organisation.Id == o.Id).ToList()))
            .ToList();
        var rates = filter.Periods
            .Select(p => rows.Where(r => r.Period == p).ToList())
            .Zip(filter.Periods, (inPeriod, p) => new PeriodReportingRate(p, inPeriod.Count, inPeriod.Count(r => r.IsReported), inPeriod.Count(r => r.IsVerified)))
            .ToList();
        var programmes = Enum.GetValues<Programme>()
            .Where(p => filter.Programme is null || filter.Programme == p)
            .Select(p => new ProgrammeCount(p, rows.Where(r => r.Commitment.Programme == p).Select(r => r.Commitment.Id).Distinct().Count()))
            .ToList();
        return new DashboardOverview(filter, summaries, Summarise(null, rows), rates, programmes);
    }

    private static OpdSummary Summarise(Organisation? organisation, IReadOnlyList<CommitmentPeriodRow> rows)
    {
        var standings = rows.GroupBy(r => r.Commitment.Id).Select(Stand).ToList();
        var percents = standings.Where(s => s.LatestPercent is not null).Select(s => Math.Min(100m, s.LatestPercent!.Value)).ToList();
        return new OpdSummary(
            organisation,
            standings.Count,
            standings.Count(s => s.IsOnTrack),
            standings.Count(s => s.IsOverdue),
            rows.Count(r => r.Period == ReportingPeriod.B6 && r.IsReported),
            rows.Count(r => r.Period == ReportingPeriod.B6 && r.IsVerified),
            rows.Count(r => r.Period == ReportingPeriod.B12 && r.IsReported),
            rows.Count(r => r.Period == ReportingPeriod.B12 && r.IsVerified),
            rows.Count(r => r.CountsForTimeliness),
            rows.Count(r => r.IsOnTime),
            percents.Count == 0 ? null : Math.Round(percents.Average(), 1));
    }

    private static CommitmentStanding Stand(IGrouping<int, CommitmentPeriodRow> group)
    {
        var periods = group.ToList();
        var commitment = periods[0].Commitment;
        var latest = periods.Where(r => r.IsReported).OrderByDescending(r => r.Period).FirstOrDefault();
        var overdue = periods.Any(r => r.IsMissing);
        var onTrack = !overdue && (commitment.Status == CommitmentStatus.Completed
            || latest is null
            || latest.Report!.RealisationPercent >= ExpectedPercent(latest.Period));
        return new CommitmentStanding(commitment, periods, overdue, onTrack, latest?.Report!.RealisationPercent);
    }
}
