using Bot.Dialogs.Dashboard;

namespace Bot.Dialogs.Storage;

/// <summary>Dashboard sessions (by the hash of their secret) and the sign-in links already used.</summary>
public interface IDashboardSessionStore
{
    /// <summary>Adds a session and drops those that expired before <paramref name="now"/>.</summary>
    void Add(DashboardSession session, DateTime now);

    DashboardSession? Get(string id);

    void Delete(string id);

    bool IsLinkUsed(string tokenId);

    /// <summary>
    /// Records a sign-in link as used (and forgets used links that expired before <paramref name="now"/>); throws
    /// <see cref="StorageConflictException"/> when it was recorded already.
    /// </summary>
    void MarkLinkUsed(string tokenId, DateTime expiresAt, DateTime now);
}
