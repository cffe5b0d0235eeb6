namespace Bot.Dialogs.Domain;

/// <summary>Life cycle of a commitment.</summary>
public enum CommitmentStatus
{
    Active,
    Completed,
    Cancelled,
}
