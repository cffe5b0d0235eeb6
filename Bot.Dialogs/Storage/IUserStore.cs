using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Storage;

/// <summary>
/// The users and their channel accounts (the <c>users</c> collection has this one owner: linking, signing out and
/// people commands change accounts through it). Entities returned are fresh copies: changing one changes nothing
/// until <see cref="Update"/>.
/// </summary>
public interface IUserStore
{
    /// <summary>The user behind a channel account, created as a resident (Warga) on first contact.</summary>
    BotUser GetOrCreate(string accountKey, string? name, string? locale);

    /// <summary>The user with this channel account, or null.</summary>
    BotUser? FindByAccount(string accountKey);

    BotUser? Get(string id);

    void Update(BotUser user);

    void Delete(string id);

    IReadOnlyList<BotUser> ListCoordinators();

    /// <summary>Everyone with a role (coordinators and fokal), for finding a person by name.</summary>
    IReadOnlyList<BotUser> ListWithRole();

    /// <summary>The users with these ids that exist (names for pages and messages).</summary>
    IReadOnlyDictionary<string, BotUser> GetMany(IEnumerable<string> ids);

    /// <summary>A person created without a channel account (the command line's first coordinator).</summary>
    BotUser CreatePerson(string name, string? jobTitle, Role role);

    IReadOnlyList<BotUser> ListFokal(int organisationId);
}
