using Bot.Dialogs.Domain;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Dashboard;

/// <summary>Issues signed, single-use, short-lived sign-in links to coordinators.</summary>
public sealed class DashboardLinkIssuer(DashboardLinkTokens tokens, TimeProvider time, IOptions<DashboardOptions> options)
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

        // Whole seconds, as the token carries them, so the link says exactly what a later check enforces.
        var expires = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + options.Value.LinkLifetime).ToUnixTimeSeconds());
        var token = tokens.Protect(new DashboardLinkToken(DashboardLinkToken.NewId(), user.Id, expires));
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        return new DashboardLink(new Uri(baseUrl + SignInPath + "?t=" + Uri.EscapeDataString(token)), expires);
    }
}
