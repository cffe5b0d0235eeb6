namespace Bot.Dialogs.Domain;

/// <summary>
/// A code a coordinator gives someone to join ("gabung KODE"): as fokal of an OPD, or as a coordinator. Valid until
/// it expires or has been used <see cref="MaxUses"/> times (once, unless the coordinator asked for more).
/// </summary>
public sealed class InviteCode
{
    /// <summary>The code itself (upper-case letters and digits, no look-alikes).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The OPD a fokal joins; 0 for a coordinator invite.</summary>
    public int OrganisationId { get; set; }

    /// <summary>The role the code grants (Fokal or Koordinator).</summary>
    public Role Role { get; set; } = Role.Fokal;

    /// <summary>How many people may join with it.</summary>
    public int MaxUses { get; set; } = 1;

    public DateTime ExpiresAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<string> UsedBy { get; set; } = [];
    public bool Revoked { get; set; }

    public bool IsFull() => UsedBy.Count >= Math.Max(1, MaxUses);
}
