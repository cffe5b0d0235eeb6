using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Storage;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// Guards every dashboard route: a live session whose user is still a coordinator, and on POST the session's
/// form token and a same-origin request. Anything else gets 401 and an explanation, never data.
/// </summary>
internal sealed class DashboardAuthFilter(DashboardSessionStore sessions, IUserStore users) : IEndpointFilter
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

        if (HttpMethods.IsPost(http.Request.Method) && await RefuseFormAsync(http, session, http.RequestAborted) is { } refusal)
        {
            return refusal;
        }

        new DashboardUser(user, session).AttachTo(http);
        return await next(context);
    }

    /// <summary>Null for a form from one of this session's pages; otherwise the page that refuses it.</summary>
    private static async Task<IResult?> RefuseFormAsync(HttpContext http, DashboardSession session, CancellationToken cancellationToken)
    {
        if (SameOrigin.Holds(http.Request) && http.Request.HasFormContentType)
        {
            var (form, refusal) = await DashboardForm.ReadAsync(http, cancellationToken);
            if (refusal is not null || string.Equals(form![FormTokenField], session.FormToken, StringComparison.Ordinal))
            {
                return refusal;
            }
        }

        return NoticePages.Forbidden(http, "Formulir kedaluwarsa atau tidak berasal dari dasbor. Muat ulang halaman lalu coba lagi.");
    }
}
