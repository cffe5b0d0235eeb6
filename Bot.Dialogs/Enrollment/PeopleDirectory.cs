using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Enrollment;

/// <summary>What a search for a person by name found: one person, several (to be told apart), or nobody.</summary>
internal sealed record PersonMatch(BotUser? Person, IReadOnlyList<BotUser> Candidates);

/// <summary>
/// Finds coordinators and fokal by what a coordinator types: their name (whole, or a unique part of it), or their
/// id. Residents are never found: only people with a role are managed by name.
/// </summary>
internal sealed class PeopleDirectory(IUserStore users, IOrganisationStore organisations)
{
    public PersonMatch Find(string query, Func<BotUser, bool>? filter = null)
    {
        var wanted = query.Trim().Trim('"', '\'', '*').Trim();
        if (wanted.Length is 0 or > 100)
        {
            return new PersonMatch(null, []);
        }

        var people = users.ListWithRole().Where(filter ?? (_ => true)).ToList();
        var exact = people.Where(p => string.Equals(p.Id, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Name?.Trim(), wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        var found = exact.Count > 0
            ? exact
            : people.Where(p => p.Name is { } name && name.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return found.Count == 1 ? new PersonMatch(found[0], found) : new PersonMatch(null, found);
    }

    /// <summary>"Budi Santoso (Kasi Pencegahan) · fokal Dinsos" or "… · koordinator".</summary>
    public string Describe(BotUser person, bool english)
    {
        ArgumentNullException.ThrowIfNull(person);
        var role = person.IsFokal && organisations.Get(person.OrganisationId!.Value) is { } organisation
            ? (english ? "focal point, " : "fokal ") + (organisation.ShortName is { Length: > 0 } s ? s : organisation.Name)
            : Access.RoleName(person.Role, english).ToLowerInvariant();
        return $"{person.Label(english)} · {role}";
    }
}
