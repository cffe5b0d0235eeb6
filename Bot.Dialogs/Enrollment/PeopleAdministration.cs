using Bot.Dialogs.Domain;
using Bot.Dialogs.Linking;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Enrollment;

/// <summary>
/// What the operator does from the command line (<c>admin</c> verb): create a coordinator by name, without any chat
/// and without the admin code from the log, and hand them a one-time sign-in code ("masuk KODE"); give an existing
/// coordinator or fokal a new sign-in code (a lost device); list who has a role.
/// </summary>
internal sealed class PeopleAdministration(IUserStore users, AccountLinkStore links, IAdminCodeStore adminCodes, PeopleDirectory people)
{
    private const string IssuedBy = "cli";

    /// <summary>A new coordinator and their sign-in code (valid 24 hours). The bootstrap admin code stops working.</summary>
    public (BotUser Person, string Code) CreateCoordinator(string name, string? jobTitle)
    {
        var person = users.CreatePerson(name.Trim(), jobTitle?.Trim() is { Length: > 0 } title ? title : null, Role.Koordinator);
        adminCodes.Retire(person.Id);
        return (person, links.Issue(person.Id, IssuedBy, AccountLinkStore.HandedOverLifetime));
    }

    /// <summary>A new sign-in code for the one person with a role the query names, or the candidates when it is not one.</summary>
    public (BotUser? Person, string? Code, IReadOnlyList<BotUser> Candidates) IssueSignInCode(string query)
    {
        var match = people.Find(query);
        return match.Person is { } person
            ? (person, links.Issue(person.Id, IssuedBy, AccountLinkStore.HandedOverLifetime), [person])
            : (null, null, match.Candidates);
    }

    public IReadOnlyList<BotUser> ListWithRole() => users.ListWithRole();

    public string Describe(BotUser person) => people.Describe(person, english: true);
}
