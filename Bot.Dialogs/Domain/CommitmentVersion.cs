namespace Bot.Dialogs.Domain;

/// <summary>One change of a commitment: what changed, who, when, and the commitment as it was after.</summary>
public sealed class CommitmentVersion
{
    public string Id { get; set; } = string.Empty;
    public int CommitmentId { get; set; }
    public int Version { get; set; }

    /// <summary>"created", "cancelled", or the edited field's name.</summary>
    public string Change { get; set; } = string.Empty;

    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string ChangedBy { get; set; } = string.Empty;
    public DateTime ChangedAt { get; set; }
}
