using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>Who gets a commitment's reminders, in which zone, and where they can be reached.</summary>
internal sealed class RecipientDirectory(IUserStore users, IOrganisationStore organisations, IConversationReferenceStore references, IDeliveryLog deliveries)
{
    public BotUser? Get(string userId) => users.Get(userId);

    public Organisation? Organisation(int id) => organisations.Get(id);

    /// <summary>The user's own zone, else their OPD's, else the default (WITA).</summary>
    public TimeZoneInfo ZoneOf(BotUser user) => ZoneOf(user, organisations.Get);

    private static TimeZoneInfo ZoneOf(BotUser user, Func<int, Organisation?> organisation)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = IndonesianTimeZones.IsKnown(user.TimeZone)
            ? user.TimeZone
            : user.OrganisationId is { } id ? organisation(id)?.TimeZone : null;
        return IndonesianTimeZones.Find(code);
    }

    public ReminderRecipient ToRecipient(BotUser user) => new(user.Id, ZoneOf(user));

    /// <summary>
    /// The recipients of one sweep, read in one go rather than once per message: the users (one primary-key query),
    /// their zones (the OPDs read once), where each can be reached (one query for every account) and what each was
    /// sent since a day ago (one range of the delivery log, for the daily cap). Each recipient is prepared once per
    /// sweep, so the counts read here are the ones a read at that moment would give, bar another host's sends.
    /// </summary>
    public SweepRecipients ForSweep(IEnumerable<string> userIds, DateTime now)
    {
        var found = users.GetMany(userIds);
        var opds = found.Values.Any(u => !IndonesianTimeZones.IsKnown(u.TimeZone))
            ? organisations.ListAll().ToDictionary(o => o.Id)
            : [];
        var zones = found.ToDictionary(p => p.Key, p => ZoneOf(p.Value, opds.GetValueOrDefault), StringComparer.Ordinal);
        var reachable = references.FindLatestForOwners(found.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Accounts, StringComparer.Ordinal));

        // A local day starts less than a day before now, in every zone.
        var sent = deliveries.SentSince([.. found.Keys], now.AddDays(-1)).ToLookup(d => d.UserId, d => d.SentAt, StringComparer.Ordinal);
        return new(found, zones, reachable, sent);
    }

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

/// <summary>The people one sweep delivers to, read once for the sweep (<see cref="RecipientDirectory.ForSweep"/>).</summary>
internal sealed class SweepRecipients(
    IReadOnlyDictionary<string, BotUser> users,
    IReadOnlyDictionary<string, TimeZoneInfo> zones,
    IReadOnlyDictionary<string, (ConversationReference Reference, string ConversationKey)> references,
    ILookup<string, DateTime> sent)
{
    public BotUser? User(string userId) => users.GetValueOrDefault(userId);

    public TimeZoneInfo ZoneOf(BotUser user) => zones[user.Id];

    /// <summary>The conversation where the user spoke last on any of their linked accounts.</summary>
    public (ConversationReference Reference, string ConversationKey)? LatestReference(BotUser user) =>
        references.TryGetValue(user.Id, out var found) ? found : null;

    /// <summary>Messages sent to the user between the two instants (their local day), as read when the sweep began.</summary>
    public int SentBetween(string userId, DateTime fromUtc, DateTime toUtc) => sent[userId].Count(at => at >= fromUtc && at < toUtc);
}
