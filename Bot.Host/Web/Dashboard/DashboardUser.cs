using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;

namespace Bot.Host.Web.Dashboard;

/// <summary>The signed-in coordinator of this request, put there by <see cref="DashboardAuthFilter"/>.</summary>
public sealed record DashboardUser(BotUser User, DashboardSession Session)
{
    private const string ItemKey = "Sinergi.DashboardUser";

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;

    public static DashboardUser From(HttpContext context) =>
        context.Items[ItemKey] as DashboardUser ?? throw new InvalidOperationException("The dashboard filter did not run.");
}
