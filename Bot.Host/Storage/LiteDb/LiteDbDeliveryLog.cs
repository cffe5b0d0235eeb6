using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>One line per reminder message delivered; the per-user daily cap counts these.</summary>
internal sealed class LiteDbDeliveryLog(SinergiDatabase database) : IDeliveryLog
{
    private readonly ILiteCollection<ReminderDelivery> _deliveries = CreateCollection(database);

    public void Add(ReminderDelivery delivery) => _deliveries.Insert(delivery);

    /// <summary>Messages delivered to the user on that local day (the day's bounds given in UTC).</summary>
    public int CountBetween(string userId, DateTime fromUtc, DateTime toUtc) =>
        _deliveries.Find(d => d.UserId == userId).Count(d => d.SentAt >= fromUtc && d.SentAt < toUtc);

    /// <summary>A range of the <c>SentAt</c> index (a day of deliveries), filtered to the users in memory.</summary>
    public IReadOnlyList<ReminderDelivery> SentSince(IReadOnlyCollection<string> userIds, DateTime fromUtc)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var wanted = userIds as IReadOnlySet<string> ?? userIds.ToHashSet(StringComparer.Ordinal);
        return _deliveries.Find(d => d.SentAt >= fromUtc).Where(d => wanted.Contains(d.UserId)).ToList();
    }

    public IReadOnlyList<ReminderDelivery> ForUser(string userId) => _deliveries.Find(d => d.UserId == userId).ToList();

    private static ILiteCollection<ReminderDelivery> CreateCollection(SinergiDatabase database)
    {
        var deliveries = database.Collection<ReminderDelivery>("reminder_deliveries");
        deliveries.EnsureIndex(d => d.UserId);
        deliveries.EnsureIndex(d => d.SentAt);
        return deliveries;
    }
}
