using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>A commitment whose report for a period has not been submitted yet.</summary>
internal sealed record MissingReport(Commitment Commitment, ReportingPeriod Period, DateOnly End, int DaysLate, ReportState? DraftState)
{
    public bool IsOverdue => DaysLate > 0;
}

/// <summary>One OPD's standing for a period.</summary>
internal sealed record OrganisationStanding(Organisation Organisation, int Expected, int Submitted, int AwaitingReview, IReadOnlyList<MissingReport> Missing)
{
    public int Overdue => Missing.Count(m => m.IsOverdue);
}

/// <summary>Who has and has not reported a period, per OPD: what the chase commands and the digest show.</summary>
internal sealed class ReportingOverview(ICommitmentStore commitments, IProgressReportStore reports, IOrganisationStore organisations)
{
    /// <summary>
    /// The period a coordinator most likely means: the one whose window is open, or else the last one that
    /// closed (B12 of last year until June).
    /// </summary>
    public static (ReportingPeriod Period, int Year) CurrentPeriod(DateOnly today) =>
        today >= ReportingPeriods.WindowOpens(ReportingPeriod.B12, today.Year) ? (ReportingPeriod.B12, today.Year)
        : today >= ReportingPeriods.WindowOpens(ReportingPeriod.B6, today.Year) ? (ReportingPeriod.B6, today.Year)
        : (ReportingPeriod.B12, today.Year - 1);

    /// <summary>The latest year whose window for <paramref name="period"/> has opened by <paramref name="today"/>.</summary>
    public static int YearOf(ReportingPeriod period, DateOnly today) =>
        today >= ReportingPeriods.WindowOpens(period, today.Year) ? today.Year : today.Year - 1;

    /// <summary>
    /// What "ingatkan" chases when no period is named: every period whose reporting window has opened, this plan year
    /// and last (a B6 left unreported in December is overdue and still chased), newest first.
    /// </summary>
    public static IReadOnlyList<(ReportingPeriod Period, int Year)> OpenPeriods(DateOnly today) =>
        new[] { today.Year, today.Year - 1 }
            .SelectMany(year => new[] { ReportingPeriod.B12, ReportingPeriod.B6 }.Select(period => (period, year)))
            .Where(p => today >= ReportingPeriods.WindowOpens(p.period, p.year))
            .ToList();

    /// <summary>What "ringkasan" covers when no period is named: both periods of the plan year being reported on.</summary>
    public static IReadOnlyList<(ReportingPeriod Period, int Year)> DigestPeriods(DateOnly today)
    {
        var year = CurrentPeriod(today).Year;
        return [(ReportingPeriod.B6, year), (ReportingPeriod.B12, year)];
    }

    /// <summary>The OPDs a coordinator follows; all OPDs when they follow none by name.</summary>
    public IReadOnlyList<Organisation> ScopeFor(BotUser coordinator)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        var all = organisations.ListAll();
        var own = all.Where(o => o.CoordinatorUserIds.Contains(coordinator.Id)).ToList();
        return own.Count > 0 ? own : all;
    }

    public IReadOnlyList<OrganisationStanding> Standings(IEnumerable<Organisation> scope, ReportingPeriod period, int year, DateOnly today) =>
        scope.Select(o => Standing(o, period, year, today)).Where(s => s.Expected > 0).ToList();

    public OrganisationStanding Standing(Organisation organisation, ReportingPeriod period, int year, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var end = ReportingPeriods.EndOf(period, year);
        var expected = commitments.ListByOrganisation(organisation.Id, year)
            .Where(c => c.Status != CommitmentStatus.Cancelled && c.Periods.Contains(period))
            .ToList();
        var byCommitment = reports.ListByOrganisation(organisation.Id)
            .Where(r => r.Period == period)
            .ToDictionary(r => r.CommitmentId);

        var missing = new List<MissingReport>();
        var submitted = 0;
        var awaiting = 0;
        foreach (var commitment in expected)
        {
            var report = byCommitment.GetValueOrDefault(commitment.Id);
            if (report?.State is ReportState.Submitted or ReportState.Approved)
            {
                submitted++;
                awaiting += report.State == ReportState.Submitted ? 1 : 0;
                continue;
            }

            missing.Add(new MissingReport(commitment, period, end, Math.Max(0, today.DayNumber - end.DayNumber), report?.State));
        }

        return new OrganisationStanding(organisation, expected.Count, submitted, awaiting, missing);
    }
}
