namespace Bot.Dialogs.Domain;

/// <summary>
/// A person. One user may speak through several channel accounts (web chat devices, Teams, WhatsApp) once linked
/// or signed in; <see cref="Accounts"/> holds their keys ("channel|account id").
/// </summary>
public sealed class BotUser
{
    /// <summary>A new user id: "U-" and 12 hex digits.</summary>
    public static string NewId() => "U-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The user a channel account becomes on its first message.</summary>
    public static BotUser ForAccount(string accountKey, string? name, string? locale, DateTime now) => new()
    {
        Id = NewId(),
        Accounts = [accountKey],
        Name = name,
        Locale = locale,
        CreatedAt = now,
    };

    /// <summary>A person created without a channel account (the command line's first coordinator).</summary>
    public static BotUser Person(string name, string? jobTitle, Role role, DateTime now) => new()
    {
        Id = NewId(),
        Name = name,
        JobTitle = jobTitle,
        Role = role,
        CreatedAt = now,
        RoleSince = now,
    };

    public string Id { get; set; } = string.Empty;
    public List<string> Accounts { get; set; } = [];

    /// <summary>The display name: the one the person gave when joining, else the channel's profile name.</summary>
    public string? Name { get; set; }

    /// <summary>The job title the person gave when joining ("Kasubbag Program").</summary>
    public string? JobTitle { get; set; }

    public Role Role { get; set; } = Role.Warga;

    /// <summary>The OPD of a fokal; null for others.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>WIB, WITA or WIT; null means the organisation's zone, else the default (WITA).</summary>
    public string? TimeZone { get; set; }

    public string? Locale { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When the current role was granted (joining, admin code, command line).</summary>
    public DateTime? RoleSince { get; set; }

    public bool IsCoordinator => Role == Role.Koordinator;
    public bool IsFokal => Role == Role.Fokal && OrganisationId is not null;

    /// <summary>The name to show people (never the internal id).</summary>
    public string DisplayName(bool english) =>
        Name is { Length: > 0 } name && name.Any(char.IsLetterOrDigit) ? name.Trim() : english ? "(no name yet)" : "(belum bernama)";

    /// <summary>The name with the job title when known: "Budi Santoso (Kasi Pencegahan)".</summary>
    public string Label(bool english) =>
        JobTitle is { Length: > 0 } title ? $"{DisplayName(english)} ({title.Trim()})" : DisplayName(english);
}
