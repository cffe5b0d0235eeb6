using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Dashboard;

/// <summary>What the dashboard and the exports show: one plan year, optionally one period and one programme.</summary>
public sealed record DashboardFilter(int Year, ReportingPeriod? Period = null, Programme? Programme = null)
{
    public IEnumerable<ReportingPeriod> Periods => Period is { } only ? [only] : [ReportingPeriod.B6, ReportingPeriod.B12];
}
