using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Reminders;

/// <summary>One nudge: who asked, for whom, about what, when. The id is the outbox row's key.</summary>
internal sealed class NudgeRecord
{
    public string Id { get; set; } = string.Empty;

    public string CoordinatorId { get; set; } = string.Empty;

    public int OrganisationId { get; set; }

    public int CommitmentId { get; set; }

    public ReportingPeriod Period { get; set; }

    public string RecipientId { get; set; } = string.Empty;

    public DateTime At { get; set; }
}
