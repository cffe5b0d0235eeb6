using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The reminder outbox in LiteDB (DESIGN.md decision 5). The idempotency key is the document id, so LiteDB's
/// primary index refuses a second row for the same key; the sweep asks only the <see cref="ReminderItem.WakeAt"/> index.
/// </summary>
internal sealed class LiteDbReminderOutbox : IReminderOutbox
{
    public const string CollectionName = "reminder_outbox";

    private readonly ILiteCollection<ReminderItem> _items;

    public LiteDbReminderOutbox(SinergiDatabase database)
    {
        _items = database.Collection<ReminderItem>(CollectionName);
        _items.EnsureIndex(i => i.WakeAt);
        _items.EnsureIndex(i => i.CommitmentId);
        _items.EnsureIndex(i => i.RecipientId);
    }

    public ReminderItem? Get(string key) => _items.FindById(key);

    /// <summary>Inserts the row unless its key exists; false when it did (the key was used before).</summary>
    public bool TryAdd(ReminderItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            _items.Insert(item);
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public void Update(ReminderItem item) => _items.Update(item);

    public void Update(IEnumerable<ReminderItem> items) => _items.Update(items);

    public int InsertBulk(IEnumerable<ReminderItem> items) => _items.InsertBulk(items);

    public bool Delete(string key) => _items.Delete(key);

    public IReadOnlyList<ReminderItem> ForCommitment(int commitmentId) => _items.Find(i => i.CommitmentId == commitmentId).ToList();

    public IReadOnlyList<ReminderItem> ForRecipient(string recipientId) => _items.Find(i => i.RecipientId == recipientId).ToList();

    /// <summary>Pending rows that are due and sending rows whose lease ran out, oldest first.</summary>
    public IReadOnlyList<ReminderItem> FindAwake(DateTime now, int limit) =>
        _items.Query().Where(i => i.WakeAt <= now).OrderBy(i => i.WakeAt).Limit(limit).ToList();

    /// <summary>
    /// Sending rows whose lease has not run out yet. A lease ends at most one lease duration from now, so the
    /// index range stays small.
    /// </summary>
    public IReadOnlyList<ReminderItem> FindLeased(DateTime now, TimeSpan leaseDuration) =>
        _items.Find(i => i.WakeAt > now && i.WakeAt <= now + leaseDuration)
            .Where(i => i.Status == ReminderStatus.Sending)
            .ToList();

    public IReadOnlyList<ReminderItem> All() => _items.FindAll().ToList();

    public int Count() => _items.Count();
}
