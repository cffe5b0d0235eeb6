namespace Bot.Dialogs.Domain;

/// <summary>A code a coordinator gives a fokal to join an OPD ("gabung KODE"); valid until it expires.</summary>
public sealed class InviteCode
{
    /// <summary>The code itself (upper-case letters and digits, no look-alikes).</summary>
    public string Id { get; set; } = string.Empty;
    public int OrganisationId { get; set; }
    public DateTime ExpiresAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<string> UsedBy { get; set; } = [];
    public bool Revoked { get; set; }
}
