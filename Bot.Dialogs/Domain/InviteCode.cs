namespace Bot.Dialogs.Domain;

/// <summary>
/// A code a coordinator gives someone to join ("gabung KODE"): as fokal of an OPD, or as a coordinator. Valid until
/// it expires or has been used <see cref="MaxUses"/> times (once, unless the coordinator asked for more).
/// </summary>
public sealed class InviteCode
{
    /// <summary>The letters and digits of a code: no look-alikes (0/O, 1/I/L).</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A new code of eight characters, valid for <see cref="Storage.IInviteCodeStore.Validity"/> from <paramref name="now"/>.</summary>
    public static InviteCode New(int organisationId, string createdBy, Role role, int maxUses, DateTime now) => new()
    {
        Id = System.Security.Cryptography.RandomNumberGenerator.GetString(Alphabet, 8),
        OrganisationId = organisationId,
        Role = role,
        MaxUses = Math.Clamp(maxUses, 1, Storage.IInviteCodeStore.MaxUsesLimit),
        CreatedBy = createdBy,
        CreatedAt = now,
        ExpiresAt = now + Storage.IInviteCodeStore.Validity,
    };

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
