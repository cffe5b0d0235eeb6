using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// One line per reminder message delivered; the per-user daily cap counts these. The sweep's group commits write
/// their deliveries as one document each (<c>reminder_delivery_batches</c>, BENCHMARKS.md "Reminders", session 12);
/// single deliveries are lines of <c>reminder_deliveries</c>. Every read looks at both.
/// </summary>
internal sealed class LiteDbDeliveryLog(SinergiDatabase database) : IDeliveryLog
{
    public const string BatchCollectionName = "reminder_delivery_batches";

    private readonly ILiteCollection<ReminderDelivery> _deliveries = CreateCollection(database);
    private readonly ILiteCollection<ReminderDeliveryBatch> _batches = CreateBatchCollection(database);

    public void Add(ReminderDelivery delivery) => _deliveries.Insert(delivery);

    public void AddAll(IReadOnlyList<ReminderDelivery> deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count > 0)
        {
            _batches.Insert(new ReminderDeliveryBatch { Id = Guid.NewGuid().ToString("N"), LastSentAt = deliveries.Max(d => d.SentAt), Deliveries = [.. deliveries] });
        }
    }

    /// <summary>Messages delivered to the user on that local day (the day's bounds given in UTC).</summary>
    public int CountBetween(string userId, DateTime fromUtc, DateTime toUtc) =>
        _deliveries.Find(d => d.UserId == userId).Concat(BatchedSince(fromUtc)).Count(d => d.UserId == userId && d.SentAt >= fromUtc && d.SentAt < toUtc);

    /// <summary>A range of the <c>SentAt</c> index (a day of deliveries), filtered to the users in memory.</summary>
    public IReadOnlyList<ReminderDelivery> SentSince(IReadOnlyCollection<string> userIds, DateTime fromUtc)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var wanted = userIds as IReadOnlySet<string> ?? userIds.ToHashSet(StringComparer.Ordinal);
        return [.. _deliveries.Find(d => d.SentAt >= fromUtc).Concat(BatchedSince(fromUtc).Where(d => d.SentAt >= fromUtc)).Where(d => wanted.Contains(d.UserId))];
    }

    public IReadOnlyList<ReminderDelivery> ForUser(string userId) =>
        [.. _deliveries.Find(d => d.UserId == userId).Concat(_batches.FindAll().SelectMany(b => b.Deliveries).Where(d => d.UserId == userId)).OrderBy(d => d.SentAt)];

    private IEnumerable<ReminderDelivery> BatchedSince(DateTime fromUtc) => _batches.Find(b => b.LastSentAt >= fromUtc).SelectMany(b => b.Deliveries);

    private static ILiteCollection<ReminderDelivery> CreateCollection(SinergiDatabase database)
    {
        var deliveries = database.Collection<ReminderDelivery>("reminder_deliveries");
        deliveries.EnsureIndex(d => d.UserId);
        deliveries.EnsureIndex(d => d.SentAt);
        return deliveries;
    }

    private static ILiteCollection<ReminderDeliveryBatch> CreateBatchCollection(SinergiDatabase database)
    {
        var batches = database.Collection<ReminderDeliveryBatch>(BatchCollectionName);
        batches.EnsureIndex(b => b.LastSentAt);
        return batches;
    }
}

/// <summary>The deliveries of one group commit of "sent" marks, as one document.</summary>
internal sealed class ReminderDeliveryBatch
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The latest <see cref="ReminderDelivery.SentAt"/> of the batch (indexed: a day's range finds it).</summary>
    public DateTime LastSentAt { get; set; }

    public List<ReminderDelivery> Deliveries { get; set; } = [];
}
