using Bot.Dialogs.Notifications;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Notices waiting for their user; pending ones are found through a partial index. Whether a user has any is asked on
/// every turn: within a turn's unit of work the answer is kept (<see cref="PostgresUserStore"/> reads it with the
/// sender, in the same statement) until a notice of that user is written.
/// </summary>
internal sealed class PostgresNotificationStore(PostgresDatabase database) : INotificationStore
{
    /// <summary>The condition of a pending notice (the partial index <c>notifications_pending</c>'s).</summary>
    internal const string Pending = "doc ->> 'DeliveredAt' is null";

    private readonly DocumentTable<Notice> _notices = new(database, "notifications");

    public void Insert(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        database.Transactions.Forget(PendingOf(notice.UserId));
        database.Transactions.Run(() =>
        {
            notice.Id = _notices.NextId();
            _notices.Insert(notice.Id, notice);
        });
    }

    public void Update(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        database.Transactions.Forget(PendingOf(notice.UserId));
        _notices.Update(notice.Id, notice);
    }

    public Notice? Get(int id) => _notices.Get(id);

    public bool HasPending(string userId) => (bool)database.Transactions.Remember<object>(
        PendingOf(userId),
        () => _notices.Exists($"doc ->> 'UserId' = @userId and {Pending}", new { userId }));

    public IReadOnlyList<Notice> ListPending(string userId) => _notices.Where($"doc ->> 'UserId' = @userId and {Pending}", new { userId });

    public IReadOnlyList<Notice> ListPending() => _notices.Where(Pending);

    /// <summary>The key a turn keeps "has pending notices" under (a boxed bool).</summary>
    internal static string PendingOf(string userId) => "notices_pending|" + userId;
}
