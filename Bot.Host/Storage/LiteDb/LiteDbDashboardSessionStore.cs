using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>Dashboard sessions (<c>dashboard_sessions</c>) and used sign-in links (<c>dashboard_used_links</c>).</summary>
internal sealed class LiteDbDashboardSessionStore(SinergiDatabase database) : IDashboardSessionStore
{
    private readonly ILiteCollection<DashboardSession> _sessions = database.Collection<DashboardSession>("dashboard_sessions");
    private readonly ILiteCollection<UsedLink> _used = database.Collection<UsedLink>("dashboard_used_links");

    public void Add(DashboardSession session, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(session);
        database.InTransaction(() =>
        {
            _sessions.DeleteMany(s => s.ExpiresAt < now);
            _sessions.Insert(session);
        });
    }

    public DashboardSession? Get(string id) => _sessions.FindById(id);

    public void Delete(string id) => _sessions.Delete(id);

    public bool IsLinkUsed(string tokenId) => _used.FindById(tokenId) is not null;

    public void MarkLinkUsed(string tokenId, DateTime expiresAt, DateTime now)
    {
        try
        {
            database.InTransaction(() =>
            {
                _used.DeleteMany(u => u.ExpiresAt < now);
                _used.Insert(new UsedLink { Id = tokenId, ExpiresAt = expiresAt });
            });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // The unique id let exactly one of two racing requests through; LiteDB rolled the transaction back.
            throw new StorageConflictException("The sign-in link was used already.", ex);
        }
    }

    /// <summary>A sign-in link already used, kept until it would have expired anyway.</summary>
    internal sealed class UsedLink
    {
        public string Id { get; set; } = string.Empty;

        public DateTime ExpiresAt { get; set; }
    }
}
