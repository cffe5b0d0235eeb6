using Bot.Dialogs.Coordinator;

namespace Bot.Host.Cli;

/// <summary>
/// <c>admin wilayah "OPD" "Kabupaten/Kota"</c>: sets one OPD's region, shown on its dashboard page and in the
/// exports' Kabupaten/Kota column. OPDs without one get <c>Sinergi:Region</c> (see <see cref="RegionOptions"/>).
/// </summary>
internal static class AdminRegion
{
    private const string Usage = "Usage: admin wilayah \"<OPD name or short name>\" \"<Kabupaten/Kota>\"";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, OrganisationRegions regions, CancellationToken cancellationToken)
    {
        if (args is not [var organisationName, var region] || organisationName.Trim().Length == 0 || !region.Any(char.IsLetter))
        {
            await error.WriteLineAsync(Usage.AsMemory(), cancellationToken);
            return 2;
        }

        if (region.Trim().Length > OrganisationRegions.MaxLength)
        {
            await error.WriteLineAsync($"The region has at most {OrganisationRegions.MaxLength} characters.".AsMemory(), cancellationToken);
            return 2;
        }

        if (regions.Set(organisationName, region) is not { } organisation)
        {
            await error.WriteLineAsync($"No OPD is called \"{organisationName}\" (full or short name). The coordinator lists them with: daftar opd".AsMemory(), cancellationToken);
            return 3;
        }

        await output.WriteLineAsync($"{organisation.Name} ({organisation.ShortName}): Kabupaten/Kota {organisation.Region}".AsMemory(), cancellationToken);
        return 0;
    }
}
