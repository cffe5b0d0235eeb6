using Bot.Dialogs.Notifications;

namespace Bot.Dialogs.Storage;

/// <summary>Notices waiting for their user (pushed when possible, otherwise handed over at the user's next turn).</summary>
public interface INotificationStore
{
    /// <summary>Stores a new notice and gives it its id.</summary>
    void Insert(Notice notice);

    void Update(Notice notice);

    Notice? Get(int id);

    /// <summary>Whether the user has a notice not delivered yet (asked on every turn, so the adapter may cache it).</summary>
    bool HasPending(string userId);

    /// <summary>The user's undelivered notices, oldest first.</summary>
    IReadOnlyList<Notice> ListPending(string userId);

    /// <summary>Everyone's undelivered notices, oldest first.</summary>
    IReadOnlyList<Notice> ListPending();
}
