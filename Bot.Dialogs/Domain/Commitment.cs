namespace Bot.Dialogs.Domain;

/// <summary>A rencana aksi item an OPD commits to for one plan year.</summary>
public sealed class Commitment
{
    public int Id { get; set; }

    /// <summary>Readable code, e.g. RA-2027-014 (year and a per-year sequence).</summary>
    public string Code { get; set; } = string.Empty;

    public int OrganisationId { get; set; }
    public int Year { get; set; }
    public FocusArea FocusArea { get; set; }
    public Programme Programme { get; set; }
    public string Title { get; set; } = string.Empty;
    public string OutputIndicator { get; set; } = string.Empty;
    public decimal TargetValue { get; set; }
    public string Unit { get; set; } = string.Empty;

    /// <summary>Kecamatan/desa.</summary>
    public string Location { get; set; } = string.Empty;

    /// <summary>Rupiah, optional.</summary>
    public decimal? Budget { get; set; }

    public DateOnly Deadline { get; set; }
    public List<ReportingPeriod> Periods { get; set; } = [];
    public CommitmentStatus Status { get; set; } = CommitmentStatus.Active;
    public string? CancelReason { get; set; }

    /// <summary>User id of the fokal who registered it.</summary>
    public string CreatedBy { get; set; } = string.Empty;

    /// <summary>
    /// User id of the fokal now responsible (reminders go to them); null means the one who registered it. A
    /// coordinator changes it when a fokal is transferred (mutasi).
    /// </summary>
    public string? FokalUserId { get; set; }

    /// <summary>The fokal responsible now.</summary>
    public string ResponsibleUserId() => FokalUserId ?? CreatedBy;

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The channel activity that registered it (channel|conversation|activity id): a channel that resends that
    /// activity after a crash, before the turn's own commit, finds this commitment instead of registering it twice.
    /// </summary>
    public string? RequestKey { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Incremented on every change; each change is also kept in the version history.</summary>
    public int Version { get; set; }
}
