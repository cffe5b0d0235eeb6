using System.Globalization;
using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Dashboard;

/// <summary>"dasbor" / "dashboard": a coordinator gets a one-time sign-in link, anyone else a polite refusal.</summary>
internal sealed class DashboardLinkHandler(UserStore users, DashboardLinkIssuer issuer) : ITurnHandler
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase) { "dasbor", "dashboard", "/dasbor", "buka dasbor" };

    /// <summary>A command: before the menu words (100) and free-text questions.</summary>
    public int Order => 60;

    public Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!Words.Contains(turn.Text.TrimEnd('!', '.', '?')))
        {
            return Task.FromResult(false);
        }

        var user = users.FindByAccount(TurnProcessor.UserKey(turn.Activity.ChannelId!, turn.Activity.From!.Id!));
        if (user is not { IsCoordinator: true })
        {
            turn.SendText(DashboardTexts.NotCoordinator);
            return Task.FromResult(true);
        }

        var link = issuer.Issue(user);
        var zone = IndonesianTimeZones.Normalize(user.TimeZone) ?? IndonesianTimeZones.Default;
        var local = TimeZoneInfo.ConvertTime(link.ExpiresAt, IndonesianTimeZones.Find(zone));
        var url = link.Url.AbsoluteUri;
        turn.Send(new Activity
        {
            Type = ActivityTypes.Message,
            TextFormat = "markdown",
            // The link is ours: it must stay a link, so it is not escaped like user text.
            Text = DashboardTexts.Link.Format(turn.Locale, new Markdown(url), local.ToString("HH:mm", CultureInfo.InvariantCulture), zone),
            Attachments = [HeroCard(turn.T(DashboardTexts.Button), url)],
        });
        return Task.FromResult(true);
    }

    private static Attachment HeroCard(string title, string url) => new()
    {
        ContentType = "application/vnd.microsoft.card.hero",
        Content = JsonSerializer.SerializeToElement(new { buttons = new[] { CardAction.OpenUrl(title, url) } }, ActivityJson.Options),
    };
}
