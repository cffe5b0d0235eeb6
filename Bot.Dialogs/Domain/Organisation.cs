namespace Bot.Dialogs.Domain;

/// <summary>An OPD/SKPD (perangkat daerah) that commits to rencana aksi.</summary>
public sealed class Organisation
{
    public int Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string ShortName { get; set; } = string.Empty;

    /// <summary>Kabupaten/kota, e.g. "Hulu Sungai Selatan".</summary>
    public string? Region { get; set; }

    /// <summary>WIB, WITA or WIT.</summary>
    public string TimeZone { get; set; } = IndonesianTimeZones.Default;

    /// <summary>User ids of the coordinators who follow this OPD (escalations go to them).</summary>
    public List<string> CoordinatorUserIds { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}
