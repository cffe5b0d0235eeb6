namespace Bot.Dialogs.Domain;

/// <summary>
/// A person. One user may speak through several channel accounts (web chat, Teams, WhatsApp) once linked;
/// <see cref="Accounts"/> holds their keys ("channel|account id").
/// </summary>
public sealed class BotUser
{
    public string Id { get; set; } = string.Empty;
    public List<string> Accounts { get; set; } = [];
    public string? Name { get; set; }
    public Role Role { get; set; } = Role.Warga;

    /// <summary>The OPD of a fokal; null for others.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>WIB, WITA or WIT; null means the organisation's zone, else the default (WITA).</summary>
    public string? TimeZone { get; set; }

    public string? Locale { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool IsCoordinator => Role == Role.Koordinator;
    public bool IsFokal => Role == Role.Fokal && OrganisationId is not null;
}
