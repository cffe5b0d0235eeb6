using Bot.Dialogs.Understanding.Entities;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding.Evaluation;

/// <summary>
/// The OPDs an evaluation pretends exist (eval/nlu-opds.tsv: name, short name, other spellings). The matcher sees
/// only the names and short names, as in the database; the other spellings only resolve the gold annotations.
/// </summary>
public sealed class OrganisationAliases
{
    private readonly Dictionary<string, KnownOrganisation> _byAlias = new(StringComparer.Ordinal);

    private OrganisationAliases(IReadOnlyList<KnownOrganisation> organisations) => Organisations = organisations;

    public IReadOnlyList<KnownOrganisation> Organisations { get; }

    /// <summary>The OPD a gold annotation names, or null when the table does not list that spelling.</summary>
    public KnownOrganisation? Resolve(string text) => _byAlias.GetValueOrDefault(TextNormalizer.Normalize(text));

    public static OrganisationAliases Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var organisations = new List<KnownOrganisation>();
        var aliases = new List<(string Alias, KnownOrganisation Organisation)>();
        var lineNumber = 0;
        foreach (var line in tsv.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
            {
                throw new FormatException($"Line {lineNumber}: expected 'name<TAB>short name[<TAB>aliases]'.");
            }

            var organisation = new KnownOrganisation(organisations.Count + 1, parts[0].Trim(), parts[1].Trim());
            organisations.Add(organisation);
            var spellings = new[] { organisation.Name, organisation.ShortName }.Concat(parts.Length > 2 ? parts[2].Split(',') : []);
            aliases.AddRange(spellings.Where(s => s.Trim().Length > 0).Select(s => (s.Trim(), organisation)));
        }

        var table = new OrganisationAliases(organisations);
        foreach (var (alias, organisation) in aliases)
        {
            table._byAlias[TextNormalizer.Normalize(alias)] = organisation;
        }

        return table;
    }
}
