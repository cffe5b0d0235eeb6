using System.Globalization;
using Bot.Dialogs.Dashboard;
using Bot.Host.Web.RateLimiting;

namespace Bot.Host.Web.Dashboard;

/// <summary>/dasbor/ekspor.csv and /dasbor/ekspor.xlsx: one row per commitment and period, with the page's filters.</summary>
internal static class ExportEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapDashboardExports(this RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/ekspor.csv", (HttpContext http, DashboardStatistics statistics) =>
        {
            var filter = FilterQuery.Parse(http.Request, statistics.CurrentYear());
            return Results.File(CsvExport.Write(statistics.Rows(filter)), "text/csv; charset=utf-8", FileName(filter, "csv"));
        }).RequireRateLimiting(HttpRateLimits.Exports);
        dashboard.MapGet("/ekspor.xlsx", (HttpContext http, DashboardStatistics statistics) =>
        {
            var filter = FilterQuery.Parse(http.Request, statistics.CurrentYear());
            var sheet = string.Create(CultureInfo.InvariantCulture, $"Rencana Aksi {filter.Year}");
            return Results.File(XlsxExport.Write(statistics.Rows(filter), sheet), XlsxType, FileName(filter, "xlsx"));
        }).RequireRateLimiting(HttpRateLimits.Exports);
    }

    private static string FileName(DashboardFilter filter, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"sinergi-rencana-aksi-{filter.Year}{(filter.Period is { } p ? "-" + p : string.Empty)}{(filter.Programme is { } g ? "-" + g : string.Empty)}.{extension}");
}
