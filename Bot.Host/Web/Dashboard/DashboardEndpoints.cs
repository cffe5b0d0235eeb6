using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// The coordinator dashboard at /dasbor. Only the sign-in link is public; every other route under /dasbor
/// (pages, exports, files, even the stylesheet) goes through <see cref="DashboardAuthFilter"/>.
/// </summary>
internal static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapDashboardSignIn();
        var dashboard = app.MapGroup("/dasbor").AddEndpointFilter<DashboardAuthFilter>();
        dashboard.MapGet("/", Overview);
        dashboard.MapGet("/opd/{id:int}", Organisation);
        dashboard.MapGet("/cetak", (HttpContext http, DashboardStatistics statistics, TimeProvider time) =>
        {
            var filter = FilterQuery.Parse(http.Request, statistics.CurrentYear());
            return new RazorComponentResult<PrintPage>(new { Overview = statistics.Overview(filter), Rows = statistics.Rows(filter), PrintedAt = time.GetUtcNow() });
        });
        dashboard.MapDashboardExports();
        dashboard.MapDashboardFiles();
        dashboard.MapTipPages();
        dashboard.MapPost("/keluar", (HttpContext http, DashboardSessionStore sessions) =>
        {
            sessions.Delete(DashboardCookie.Read(http.Request));
            http.Response.Cookies.Delete(DashboardCookie.Name, new CookieOptions { Path = "/dasbor" });
            return NoticePages.SignedOut(http);
        });
        dashboard.MapDashboardAssets();
        return app;
    }

    private static RazorComponentResult<OverviewPage> Overview(HttpContext http, DashboardStatistics statistics)
    {
        var filter = FilterQuery.Parse(http.Request, statistics.CurrentYear());
        return new RazorComponentResult<OverviewPage>(new
        {
            User = DashboardUser.From(http), Overview = statistics.Overview(filter), Years = statistics.Years(), IgnoredFilters = FilterQuery.Ignored(http.Request),
        });
    }

    private static IResult Organisation(HttpContext http, int id, DashboardStatistics statistics, IOrganisationStore organisations, IUserStore users)
    {
        if (organisations.Get(id) is not { } organisation)
        {
            return Results.NotFound();
        }

        var filter = FilterQuery.Parse(http.Request, statistics.CurrentYear());
        var standings = statistics.Standings(filter, id);
        var people = users.GetMany(standings.SelectMany(PeopleOf));
        return new RazorComponentResult<OpdPage>(new
        {
            User = DashboardUser.From(http), Organisation = organisation, Fokal = users.ListFokal(id), Standings = standings, People = people,
            Filter = filter, Years = statistics.Years(), IgnoredFilters = FilterQuery.Ignored(http.Request),
        });
    }

    private static void MapTipPages(this RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/laporan-warga", (HttpContext http, ITipStore tips, string? status) =>
        {
            var only = StatusNamed(status);
            return new RazorComponentResult<TipListPage>(new { User = DashboardUser.From(http), Tips = tips.List(only), Status = only });
        });
        dashboard.MapGet("/laporan-warga/{code}", (HttpContext http, string code, TipService tips, IUserStore users) =>
            tips.Find(code) is { } tip
                ? new RazorComponentResult<TipDetailPage>(new { User = DashboardUser.From(http), Tip = tip, CoordinatorNames = CoordinatorNames(users, tip) })
                : Results.NotFound());
        dashboard.MapPost("/laporan-warga/{code}/status", async (HttpContext http, string code, TipService tips, CancellationToken cancellationToken) =>
        {
            // Read and size-checked by DashboardAuthFilter already; this is the cached form.
            var form = await http.Request.ReadFormAsync(cancellationToken);
            if (StatusNamed(form["status"]) is not { } status)
            {
                return NoticePages.BadRequest(http, "Status tidak dikenal. Pilih salah satu status dari daftar di halaman laporan.");
            }

            var note = form["catatan"].ToString();
            var tip = tips.SetStatus(code, status, DashboardUser.From(http).User.Id, note.Length > 500 ? note[..500] : note);
            return tip is null ? Results.NotFound() : Results.Redirect("/dasbor/laporan-warga/" + Uri.EscapeDataString(tip.Id));
        });
    }

    /// <summary>Exactly one of the names the form offers: Enum.TryParse alone also takes "99", " Selesai" or "Baru,Selesai".</summary>
    private static TipStatus? StatusNamed(StringValues values) =>
        values is [{ } value] && Enum.GetNames<TipStatus>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<TipStatus>(value) : null;

    /// <summary>Who acted on a tip, by name (also a coordinator who has since lost the role); never an id.</summary>
    private static Dictionary<string, string> CoordinatorNames(IUserStore users, Tip tip) =>
        users.GetMany(tip.History.Select(h => h.CoordinatorId)).ToDictionary(p => p.Key, p => p.Value.Label(english: false), StringComparer.Ordinal);

    private static IEnumerable<string> PeopleOf(CommitmentStanding standing) =>
        standing.Periods.Select(p => p.Report).OfType<ProgressReport>().SelectMany(r => new[] { r.SubmittedBy, r.ReviewedBy }).OfType<string>()
            .Append(standing.Commitment.ResponsibleUserId());
}
