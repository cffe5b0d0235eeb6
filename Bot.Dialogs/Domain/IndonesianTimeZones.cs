namespace Bot.Dialogs.Domain;

/// <summary>Indonesia's three zones by their local names (DESIGN.md: WITA by default).</summary>
public static class IndonesianTimeZones
{
    public const string Wib = "WIB";
    public const string Wita = "WITA";
    public const string Wit = "WIT";
    public const string Default = Wita;

    private static readonly Dictionary<string, string> IanaByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        [Wib] = "Asia/Jakarta",
        [Wita] = "Asia/Makassar",
        [Wit] = "Asia/Jayapura",
    };

    public static IReadOnlyCollection<string> Codes => [Wib, Wita, Wit];

    public static bool IsKnown(string? code) => code is not null && IanaByCode.ContainsKey(code);

    /// <summary>The zone for a code (WIB/WITA/WIT); the default zone for anything else.</summary>
    public static TimeZoneInfo Find(string? code) =>
        TimeZoneInfo.FindSystemTimeZoneById(IanaByCode.GetValueOrDefault(code ?? Default, IanaByCode[Default]));

    /// <summary>The code (WIB/WITA/WIT) of one of the three zones; the zone's id for any other.</summary>
    public static string CodeOf(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Codes.FirstOrDefault(code => Find(code).Id == zone.Id) ?? zone.Id;
    }

    /// <summary>Normalises user input ("wita", "Wib") to the code, or null.</summary>
    public static string? Normalize(string? input) =>
        input is not null && IanaByCode.ContainsKey(input.Trim()) ? input.Trim().ToUpperInvariant() : null;
}
