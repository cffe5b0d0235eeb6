using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Storage;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>Dashboard sessions and used sign-in links; the link's primary key lets one of two racing redeems through.</summary>
internal sealed class PostgresDashboardSessionStore(PostgresDatabase database) : IDashboardSessionStore
{
    private readonly DocumentTable<DashboardSession> _sessions = new(database, "dashboard_sessions");

    public void Add(DashboardSession session, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(session);
        database.Transactions.Run(() => database.Use((c, t) =>
        {
            c.Execute("delete from dashboard_sessions where expires_at < @now", new { now = now.Ticks }, t);
            return c.Execute(
                "insert into dashboard_sessions (id, expires_at, doc) values (@Id, @ExpiresAt, @Json::jsonb)",
                new { session.Id, ExpiresAt = session.ExpiresAt.Ticks, Json = DocumentTable<DashboardSession>.Serialise(session) },
                t);
        }));
    }

    public DashboardSession? Get(string id) => _sessions.Get(id);

    public void Delete(string id) => _sessions.Delete(id);

    public bool IsLinkUsed(string tokenId) => database.Use((c, t) =>
        c.ExecuteScalar<bool>("select exists (select 1 from dashboard_used_links where id = @tokenId)", new { tokenId }, t));

    public void MarkLinkUsed(string tokenId, DateTime expiresAt, DateTime now) => database.Transactions.Run(() => database.Use((c, t) =>
    {
        c.Execute("delete from dashboard_used_links where expires_at < @now", new { now = now.Ticks }, t);
        return c.Execute("insert into dashboard_used_links (id, expires_at) values (@tokenId, @expiresAt)", new { tokenId, expiresAt = expiresAt.Ticks }, t);
    }));
}
