using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Enrollment;

/// <summary>
/// Loads the sender once per turn (creating a resident on first contact), applies the configured coordinator
/// list, and sets the turn's time zone (the user's, else their OPD's, else WITA).
/// </summary>
internal sealed partial class UserResolver(
    IUserStore users, IOrganisationStore organisations, IFormDraftStore drafts, IOptionsMonitor<CoordinatorOptions> options, ILogger<UserResolver> logger)
{
    public void Resolve(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.From?.Id is not { Length: > 0 } fromId || activity.From.Role == "bot" || activity.ChannelId is null)
        {
            return;
        }

        var key = TurnProcessor.UserKey(activity.ChannelId, fromId);
        var user = users.GetOrCreate(key, activity.From.Name, activity.Locale);
        if (user.Role != Role.Koordinator && options.CurrentValue.Coordinators.Contains(key, StringComparer.Ordinal))
        {
            user.Role = Role.Koordinator;
            user.OrganisationId = null;
            users.Update(user);
            LogPromoted(user.Id);
        }

        turn.User = user;
        if (drafts.HasAny(user.Id))
        {
            turn.Items[RoleSuggestions.DraftsItem] = drafts.ListFor(user.Id).Select(d => (d.FormId, d.ConversationKey)).ToList();
        }
        var organisation = user.OrganisationId is { } id ? organisations.Get(id) : null;
        turn.TimeZone = IndonesianTimeZones.Normalize(user.TimeZone)
            ?? IndonesianTimeZones.Normalize(organisation?.TimeZone)
            ?? IndonesianTimeZones.Default;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "User {UserId} is a coordinator by configuration (Bot:Coordinators)")]
    private partial void LogPromoted(string userId);
}
