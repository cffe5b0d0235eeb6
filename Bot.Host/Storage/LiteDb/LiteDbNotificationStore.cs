using Bot.Dialogs.Notifications;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The <c>notifications</c> collection. Every turn asks whether its user has a notice waiting and nearly always the
/// answer is no, so that answer is cached until anything writes to the collection.
/// </summary>
internal sealed class LiteDbNotificationStore : INotificationStore
{
    private const string CollectionName = "notifications";

    private readonly ILiteCollection<Notice> _notices;
    private readonly CollectionReadCache<bool> _hasPending;

    public LiteDbNotificationStore(SinergiDatabase database)
    {
        _notices = database.Collection<Notice>(CollectionName);
        _notices.EnsureIndex(n => n.UserId);
        _hasPending = new CollectionReadCache<bool>(database, CollectionName, capacity: 8_192);
    }

    public void Insert(Notice notice) => _notices.Insert(notice);

    public void Update(Notice notice) => _notices.Update(notice);

    public Notice? Get(int id) => _notices.FindById(id);

    public bool HasPending(string userId) => _hasPending.Get(userId, () => _notices.Exists(n => n.UserId == userId && n.DeliveredAt == null));

    public IReadOnlyList<Notice> ListPending(string userId) =>
        _notices.Find(n => n.UserId == userId && n.DeliveredAt == null).OrderBy(n => n.Id).ToList();

    public IReadOnlyList<Notice> ListPending() => _notices.Find(n => n.DeliveredAt == null).OrderBy(n => n.Id).ToList();
}
