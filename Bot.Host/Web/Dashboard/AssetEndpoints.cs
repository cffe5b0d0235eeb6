using System.Text.RegularExpressions;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// The dashboard's stylesheet and script from wwwroot/dasbor, behind the sign-in like everything under /dasbor.
/// This catch-all also keeps the public static-file middleware from serving that folder.
/// </summary>
internal static partial class AssetEndpoints
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "wwwroot", "dasbor");

    public static void MapDashboardAssets(this RouteGroupBuilder dashboard) =>
        dashboard.MapGet("/{**path}", (string? path) =>
        {
            if (path is null || !AssetName().IsMatch(path))
            {
                return Results.NotFound();
            }

            var file = Path.Combine(Root, path);
            var type = path.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            return File.Exists(file) ? Results.File(file, type) : Results.NotFound();
        }).WithOrder(1);

    [GeneratedRegex("^[a-z0-9-]+\\.(css|js)$")]
    private static partial Regex AssetName();
}
