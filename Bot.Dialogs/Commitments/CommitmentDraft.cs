using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Commitments;

/// <summary>A commitment's editable fields: the register dialog's typed state, and what a card shows.</summary>
internal sealed class CommitmentDraft
{
    public FocusArea FocusArea { get; set; }
    public Programme Programme { get; set; }
    public string Title { get; set; } = string.Empty;
    public string OutputIndicator { get; set; } = string.Empty;
    public decimal TargetValue { get; set; }
    public string Unit { get; set; } = string.Empty;
    public string Location { get; set; } = string.Empty;
    public decimal? Budget { get; set; }
    public DateOnly Deadline { get; set; }
    public List<ReportingPeriod> Periods { get; set; } = [];

    public static CommitmentDraft From(Commitment c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new()
        {
            FocusArea = c.FocusArea,
            Programme = c.Programme,
            Title = c.Title,
            OutputIndicator = c.OutputIndicator,
            TargetValue = c.TargetValue,
            Unit = c.Unit,
            Location = c.Location,
            Budget = c.Budget,
            Deadline = c.Deadline,
            Periods = [.. c.Periods],
        };
    }

    public Commitment ToCommitment(int organisationId) => new()
    {
        OrganisationId = organisationId,
        Year = Deadline.Year,
        FocusArea = FocusArea,
        Programme = Programme,
        Title = Title,
        OutputIndicator = OutputIndicator,
        TargetValue = TargetValue,
        Unit = Unit,
        Location = Location,
        Budget = Budget,
        Deadline = Deadline,
        Periods = [.. Periods],
    };
}
