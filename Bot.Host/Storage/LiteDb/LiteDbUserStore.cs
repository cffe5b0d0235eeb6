using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>Users and their channel accounts. Every turn looks its sender up, so lookups by account are cached.</summary>
internal sealed class LiteDbUserStore(SinergiDatabase database, TimeProvider time) : IUserStore
{
    private const string CollectionName = "users";

    private readonly ILiteCollection<BotUser> _users = CreateCollection(database);
    private readonly EntityReadCache<BotUser> _byAccount = new(database, CollectionName, capacity: 8_192);
    private readonly ScanOrSeek _scanOrSeek = new(database, CollectionName, () => database.Collection<BsonDocument>(CollectionName).Count());

    /// <summary>The user behind a channel account, created as a resident (Warga) on first contact.</summary>
    public BotUser GetOrCreate(string accountKey, string? name, string? locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);

        // Every turn asks; nearly always the user exists. Read without a write transaction (they are serialised
        // for the whole database) and only open one to create.
        if (FindByAccount(accountKey) is { } known)
        {
            return known;
        }

        return database.InTransaction(() =>
        {
            var existing = FindByAccount(accountKey);
            if (existing is not null)
            {
                return existing;
            }

            var user = BotUser.ForAccount(accountKey, name, locale, time.GetUtcNow().UtcDateTime);
            _users.Insert(user);
            return user;
        });
    }

    /// <summary>The user with this channel account, as a fresh object (changing it changes nothing until <see cref="Update"/>).</summary>
    public BotUser? FindByAccount(string accountKey) =>
        _byAccount.Get(accountKey, users => users.FindOne("$.Accounts[*] ANY = @0", new BsonValue(accountKey)));

    public BotUser? Get(string id) => _users.FindById(id);

    public void Update(BotUser user) => _users.Update(user);

    public void Delete(string id) => _users.Delete(id);

    public IReadOnlyList<BotUser> ListCoordinators() => _users.Find(u => u.Role == Role.Koordinator).ToList();

    /// <summary>Everyone with a role (coordinators and fokal), for finding a person by name.</summary>
    public IReadOnlyList<BotUser> ListWithRole() => _users.Find(u => u.Role != Role.Warga).ToList();

    /// <summary>The users with these ids that exist (names for pages and messages).</summary>
    public IReadOnlyDictionary<string, BotUser> GetMany(IEnumerable<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return new Dictionary<string, BotUser>(StringComparer.Ordinal);
        }

        if (_scanOrSeek.Scan(wanted.Count))
        {
            // Most of the users at once (a reminder sweep at 08:00): one pass, and only the wanted ones are mapped.
            var found = new Dictionary<string, BotUser>(wanted.Count, StringComparer.Ordinal);
            foreach (var document in database.Collection<BsonDocument>(CollectionName).FindAll())
            {
                if (document["_id"].AsString is { } id && wanted.Contains(id))
                {
                    found[id] = database.Mapper.ToObject<BotUser>(document);
                }
            }

            return found;
        }

        // One query over the primary key rather than one call per id.
        var keys = new BsonArray(wanted.Select(id => new BsonValue(id)));
        return _users.Find(Query.In("_id", keys)).ToDictionary(u => u.Id, StringComparer.Ordinal);
    }

    /// <summary>A person created without a channel account (the command line's first coordinator).</summary>
    public BotUser CreatePerson(string name, string? jobTitle, Role role)
    {
        var user = BotUser.Person(name, jobTitle, role, time.GetUtcNow().UtcDateTime);
        _users.Insert(user);
        return user;
    }

    public IReadOnlyList<BotUser> ListFokal(int organisationId) =>
        _users.Find(u => u.Role == Role.Fokal && u.OrganisationId == organisationId).ToList();

    private static ILiteCollection<BotUser> CreateCollection(SinergiDatabase database)
    {
        var users = database.Collection<BotUser>(CollectionName);
        users.EnsureIndex("Accounts", "$.Accounts[*]");
        users.EnsureIndex(u => u.Role);
        return users;
    }
}
