using Bot.Dialogs.Notifications;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>Notices waiting for their user; pending ones are found through a partial index.</summary>
internal sealed class PostgresNotificationStore(PostgresDatabase database) : INotificationStore
{
    private const string Pending = "doc ->> 'DeliveredAt' is null";

    private readonly DocumentTable<Notice> _notices = new(database, "notifications");

    public void Insert(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        database.Transactions.Run(() =>
        {
            notice.Id = _notices.NextId();
            _notices.Insert(notice.Id, notice);
        });
    }

    public void Update(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        _notices.Update(notice.Id, notice);
    }

    public Notice? Get(int id) => _notices.Get(id);

    public bool HasPending(string userId) => _notices.Exists($"doc ->> 'UserId' = @userId and {Pending}", new { userId });

    public IReadOnlyList<Notice> ListPending(string userId) => _notices.Where($"doc ->> 'UserId' = @userId and {Pending}", new { userId });

    public IReadOnlyList<Notice> ListPending() => _notices.Where(Pending);
}
