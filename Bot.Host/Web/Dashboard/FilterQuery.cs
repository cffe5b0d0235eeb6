using System.Text;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;

namespace Bot.Host.Web.Dashboard;

/// <summary>The filters as query parameters: <c>tahun</c>, <c>periode</c> (B6/B12), <c>program</c> (a programme name).</summary>
internal static class FilterQuery
{
    public static DashboardFilter Parse(HttpRequest request, int currentYear)
    {
        var year = int.TryParse(request.Query["tahun"], out var y) && y is >= 2000 and <= 2100 ? y : currentYear;
        ReportingPeriod? period = Enum.TryParse<ReportingPeriod>(request.Query["periode"], ignoreCase: true, out var p) && Enum.IsDefined(p) ? p : null;
        Programme? programme = Enum.TryParse<Programme>(request.Query["program"], ignoreCase: true, out var g) && Enum.IsDefined(g) ? g : null;
        return new DashboardFilter(year, period, programme);
    }

    public static string ToQuery(DashboardFilter filter)
    {
        var query = new StringBuilder("tahun=").Append(filter.Year);
        if (filter.Period is { } period)
        {
            query.Append("&periode=").Append(period);
        }

        if (filter.Programme is { } programme)
        {
            query.Append("&program=").Append(programme);
        }

        return query.ToString();
    }

    public static string Describe(DashboardFilter filter) =>
        $"Tahun {filter.Year} · {(filter.Period is { } p ? "periode " + p : "B6 dan B12")} · " +
        (filter.Programme is { } g ? DomainLabels.Of(g) : "semua program");
}
