using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Dialogs.Reminders;

/// <summary>One line per reminder message delivered; the per-user daily cap counts these.</summary>
internal sealed class DeliveryLog(SinergiDatabase database)
{
    private readonly ILiteCollection<Delivery> _deliveries = CreateCollection(database);

    public void Add(Delivery delivery) => _deliveries.Insert(delivery);

    /// <summary>Messages delivered to the user on that local day (the day's bounds given in UTC).</summary>
    public int CountBetween(string userId, DateTime fromUtc, DateTime toUtc) =>
        _deliveries.Find(d => d.UserId == userId).Count(d => d.SentAt >= fromUtc && d.SentAt < toUtc);

    public IReadOnlyList<Delivery> ForUser(string userId) => _deliveries.Find(d => d.UserId == userId).ToList();

    private static ILiteCollection<Delivery> CreateCollection(SinergiDatabase database)
    {
        var deliveries = database.Collection<Delivery>("reminder_deliveries");
        deliveries.EnsureIndex(d => d.UserId);
        return deliveries;
    }

    internal sealed class Delivery
    {
        public string Id { get; set; } = string.Empty;
        public string UserId { get; set; } = string.Empty;
        public DateTime SentAt { get; set; }
        public string ConversationKey { get; set; } = string.Empty;
        public int Items { get; set; }

        /// <summary>"single", "folded", "catch-up" or "digest".</summary>
        public string Shape { get; set; } = string.Empty;
    }
}
