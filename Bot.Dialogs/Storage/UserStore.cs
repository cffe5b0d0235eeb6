using Bot.Dialogs.Domain;
using LiteDB;

namespace Bot.Dialogs.Storage;

/// <summary>Users and their channel accounts.</summary>
public sealed class UserStore(SinergiDatabase database, TimeProvider time)
{
    private readonly ILiteCollection<BotUser> _users = CreateCollection(database);

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

            var user = new BotUser
            {
                Id = "U-" + Guid.NewGuid().ToString("N")[..12],
                Accounts = [accountKey],
                Name = name,
                Locale = locale,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            _users.Insert(user);
            return user;
        });
    }

    public BotUser? FindByAccount(string accountKey) => _users.FindOne("$.Accounts[*] ANY = @0", accountKey);

    public BotUser? Get(string id) => _users.FindById(id);

    public void Update(BotUser user) => _users.Update(user);

    public IReadOnlyList<BotUser> ListCoordinators() => _users.Find(u => u.Role == Role.Koordinator).ToList();

    public IReadOnlyList<BotUser> ListFokal(int organisationId) =>
        _users.Find(u => u.Role == Role.Fokal && u.OrganisationId == organisationId).ToList();

    private static ILiteCollection<BotUser> CreateCollection(SinergiDatabase database)
    {
        var users = database.Collection<BotUser>("users");
        users.EnsureIndex("Accounts", "$.Accounts[*]");
        users.EnsureIndex(u => u.Role);
        return users;
    }
}
