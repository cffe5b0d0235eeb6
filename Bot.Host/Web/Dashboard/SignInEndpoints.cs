using Bot.Dialogs.Storage;
using Bot.Dialogs.Dashboard;
using Microsoft.Extensions.Options;
using Bot.Host.Web.RateLimiting;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// GET shows the link's confirmation page without using it up, so that link previews (chat apps fetch URLs to
/// draw a preview) cannot burn it; the button POSTs it, which redeems it, sets the cookie and redirects.
/// </summary>
internal static class SignInEndpoints
{
    public static void MapDashboardSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(DashboardLinkIssuer.SignInPath, (HttpContext http, DashboardSignIn signIn, string? t) =>
            signIn.Check(t) is var refusal && refusal == SignInRefusal.None
                ? NoticePages.ConfirmSignIn(http, t!)
                : NoticePages.SignInRefused(http, refusal))
            .RequireRateLimiting(HttpRateLimits.SignIn);

        app.MapPost(DashboardLinkIssuer.SignInPath, async (HttpContext http, DashboardSignIn signIn, UnitOfWorkRunner units, IOptions<DashboardOptions> options, CancellationToken cancellationToken) =>
        {
            if (!SameOrigin.Holds(http.Request) || !http.Request.HasFormContentType)
            {
                return NoticePages.Forbidden(http, "Permintaan masuk tidak berasal dari halaman Sinergi.");
            }

            var (form, refusal) = await DashboardForm.ReadAsync(http, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var result = await units.RunAsync(() => signIn.Redeem(form!["t"]), cancellationToken);
            if (!result.Accepted)
            {
                return NoticePages.SignInRefused(http, result.Refusal);
            }

            http.Response.Cookies.Append(DashboardCookie.Name, result.SessionSecret!, DashboardCookie.Options(http.Request, options.Value.SessionLifetime));
            SecurityHeaders.Apply(http.Response, bare: true);
            return Results.Redirect("/dasbor", permanent: false, preserveMethod: false);
        }).RequireRateLimiting(HttpRateLimits.SignIn);
    }
}
