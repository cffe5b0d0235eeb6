using System.Globalization;
using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Dashboard;

/// <summary>"dasbor", "minta link dashboard" and the like: a coordinator gets a one-time sign-in link, anyone else a polite refusal.</summary>
internal sealed class DashboardLinkHandler(IUserStore users, DashboardLinkIssuer issuer) : IIntentHandler
{
    public Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var user = users.FindByAccount(TurnProcessor.UserKey(turn.Activity.ChannelId!, turn.Activity.From!.Id!));
        if (user is not { IsCoordinator: true })
        {
            turn.SendText(DashboardTexts.NotCoordinator);
            return Task.CompletedTask;
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
        return Task.CompletedTask;
    }

    private static Attachment HeroCard(string title, string url) => new()
    {
        ContentType = "application/vnd.microsoft.card.hero",
        Content = JsonSerializer.SerializeToElement(new { buttons = new[] { CardAction.OpenUrl(title, url) } }, ActivityJson.Options),
    };
}
