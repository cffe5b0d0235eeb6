using Bot.Dialogs.Domain;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Dashboard;

/// <summary>Issues signed, single-use, short-lived sign-in links to coordinators.</summary>
public sealed class DashboardLinkIssuer(DashboardSigningKey key, TimeProvider time, IOptions<DashboardOptions> options)
{
    public const string SignInPath = "/dasbor/masuk";

    /// <summary>A link for <paramref name="user"/>; refuses anyone who is not a coordinator.</summary>
    public DashboardLink Issue(BotUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsCoordinator)
        {
            throw new UnauthorizedAccessException("Only coordinators get a dashboard link.");
        }

        var expires = time.GetUtcNow() + options.Value.LinkLifetime;
        var token = new DashboardLinkToken(DashboardLinkToken.NewId(), user.Id, expires).Sign(key.Key);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        return new DashboardLink(new Uri(baseUrl + SignInPath + "?t=" + Uri.EscapeDataString(token)), expires);
    }
}
