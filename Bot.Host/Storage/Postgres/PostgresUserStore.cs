using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>Users and their channel accounts (<c>users</c>, accounts indexed with GIN). No cache: every host reads the same rows.</summary>
internal sealed class PostgresUserStore(PostgresDatabase database, TimeProvider time) : IUserStore
{
    private const string HasAccount = "doc -> 'Accounts' @> jsonb_build_array(@account::text)";

    private readonly DocumentTable<BotUser> _users = new(database, "users");

    public BotUser GetOrCreate(string accountKey, string? name, string? locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        if (FindByAccount(accountKey) is { } known)
        {
            return known;
        }

        return database.Transactions.Run(() =>
        {
            // Two first messages of one account on two hosts at once: the lock makes the second find the first's user.
            database.Use((c, t) => Dapper.SqlMapper.ExecuteScalar(c, "select pg_advisory_xact_lock(hashtext(@accountKey))", new { accountKey }, t));
            if (FindByAccount(accountKey) is { } existing)
            {
                return existing;
            }

            var user = BotUser.ForAccount(accountKey, name, locale, time.GetUtcNow().UtcDateTime);
            _users.Insert(user.Id, user);
            return user;
        });
    }

    public BotUser? FindByAccount(string accountKey) => _users.First(HasAccount, new { account = accountKey });

    public BotUser? Get(string id) => _users.Get(id);

    public void Update(BotUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _users.Update(user.Id, user);
    }

    public void Delete(string id) => _users.Delete(id);

    public IReadOnlyList<BotUser> ListCoordinators() => _users.Where("doc ->> 'Role' = @role", new { role = nameof(Role.Koordinator) });

    public IReadOnlyList<BotUser> ListWithRole() => _users.Where("doc ->> 'Role' <> @role", new { role = nameof(Role.Warga) });

    public IReadOnlyDictionary<string, BotUser> GetMany(IEnumerable<string> ids)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToArray();
        return _users.Where("id = any(@wanted)", new { wanted }).ToDictionary(u => u.Id, StringComparer.Ordinal);
    }

    public BotUser CreatePerson(string name, string? jobTitle, Role role)
    {
        var user = BotUser.Person(name, jobTitle, role, time.GetUtcNow().UtcDateTime);
        _users.Insert(user.Id, user);
        return user;
    }

    public IReadOnlyList<BotUser> ListFokal(int organisationId) =>
        _users.Where("doc ->> 'Role' = @role and (doc ->> 'OrganisationId')::integer = @organisationId", new { role = nameof(Role.Fokal), organisationId });
}
