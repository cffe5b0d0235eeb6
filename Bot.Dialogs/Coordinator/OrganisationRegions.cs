using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Coordinator;

/// <summary>Each OPD's kabupaten/kota (<see cref="Organisation.Region"/>): the configured default, or one set by the operator.</summary>
public sealed class OrganisationRegions(IOrganisationStore organisations, IOptions<RegionOptions> options)
{
    public const int MaxLength = 100;

    /// <summary>The configured region (trimmed), or null when none is set.</summary>
    public string? Default => options.Value.Region?.Trim() is { Length: > 0 } region ? region : null;

    /// <summary>Gives the default region to every OPD that has none; how many were filled.</summary>
    public int FillMissing()
    {
        if (Default is not { } region)
        {
            return 0;
        }

        var missing = organisations.ListAll().Where(o => string.IsNullOrWhiteSpace(o.Region)).ToList();
        foreach (var organisation in missing)
        {
            organisation.Region = region;
            organisations.Update(organisation);
        }

        return missing.Count;
    }

    /// <summary>Sets the region of the OPD named (full or short name); null when no OPD has that name.</summary>
    public Organisation? Set(string organisationName, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (organisations.FindByName(organisationName) is not { } organisation)
        {
            return null;
        }

        organisation.Region = region.Trim();
        organisations.Update(organisation);
        return organisation;
    }
}
