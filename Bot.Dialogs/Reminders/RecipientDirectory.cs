using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>Who gets a commitment's reminders, in which zone, and where they can be reached.</summary>
internal sealed class RecipientDirectory(IUserStore users, IOrganisationStore organisations, IConversationReferenceStore references)
{
    public BotUser? Get(string userId) => users.Get(userId);

    public Organisation? Organisation(int id) => organisations.Get(id);

    /// <summary>The user's own zone, else their OPD's, else the default (WITA).</summary>
    public TimeZoneInfo ZoneOf(BotUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = IndonesianTimeZones.IsKnown(user.TimeZone)
            ? user.TimeZone
            : user.OrganisationId is { } id ? organisations.Get(id)?.TimeZone : null;
        return IndonesianTimeZones.Find(code);
    }

    public ReminderRecipient ToRecipient(BotUser user) => new(user.Id, ZoneOf(user));

    /// <summary>The recipients of one sweep, read in one go rather than once per message.</summary>
    public SweepRecipients ForSweep(IEnumerable<string> userIds) => new(users.GetMany(userIds), this);

    /// <summary>
    /// The fokal responsible for the commitment (who registered it, or who took it over at a transfer) while they
    /// still serve its OPD; otherwise every fokal of the OPD, so a commitment whose fokal moved on is not left
    /// without anyone to remind.
    /// </summary>
    public IReadOnlyList<BotUser> FokalFor(Commitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var author = users.Get(commitment.ResponsibleUserId());
        return author is { IsFokal: true } && author.OrganisationId == commitment.OrganisationId
            ? [author]
            : users.ListFokal(commitment.OrganisationId);
    }

    /// <summary>The OPD's own coordinators; every coordinator when the OPD names none.</summary>
    public IReadOnlyList<BotUser> CoordinatorsFor(Organisation? organisation)
    {
        var named = (organisation?.CoordinatorUserIds ?? [])
            .Select(users.Get)
            .OfType<BotUser>()
            .Where(u => u.IsCoordinator)
            .ToList();
        return named.Count > 0 ? named : users.ListCoordinators();
    }

    /// <summary>The conversation where the user spoke last on any of their linked accounts.</summary>
    public (ConversationReference Reference, string ConversationKey)? LatestReference(BotUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return references.FindLatestForAccounts(user.Accounts);
    }
}

/// <summary>The people one sweep delivers to, read once for the sweep.</summary>
internal sealed class SweepRecipients(IReadOnlyDictionary<string, BotUser> users, RecipientDirectory directory)
{
    public BotUser? User(string userId) => users.GetValueOrDefault(userId);

    public TimeZoneInfo ZoneOf(BotUser user) => directory.ZoneOf(user);
}
