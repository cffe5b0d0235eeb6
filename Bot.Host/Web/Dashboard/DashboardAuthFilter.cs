using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Storage;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// Guards every dashboard route: a live session whose user is still a coordinator, and on POST the session's
/// form token and a same-origin request. Anything else gets 401 and an explanation, never data.
/// </summary>
internal sealed class DashboardAuthFilter(DashboardSessionStore sessions, UserStore users) : IEndpointFilter
{
    public const string FormTokenField = "ft";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        SecurityHeaders.Apply(http.Response);
        var session = sessions.Find(DashboardCookie.Read(http.Request));
        var user = session is null ? null : users.Get(session.UserId);
        if (session is null || user is not { IsCoordinator: true })
        {
            return NoticePages.Unauthorised(http);
        }

        if (HttpMethods.IsPost(http.Request.Method) && !await IsGenuineFormAsync(http, session, http.RequestAborted))
        {
            return NoticePages.Forbidden(http, "Formulir kedaluwarsa atau tidak berasal dari dasbor. Muat ulang halaman lalu coba lagi.");
        }

        new DashboardUser(user, session).AttachTo(http);
        return await next(context);
    }

    private static async Task<bool> IsGenuineFormAsync(HttpContext http, DashboardSession session, CancellationToken cancellationToken)
    {
        if (!SameOrigin.Holds(http.Request) || !http.Request.HasFormContentType)
        {
            return false;
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        return string.Equals(form[FormTokenField], session.FormToken, StringComparison.Ordinal);
    }
}
