using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Storage;

/// <summary>Progress reports. Saving tells the <see cref="ICommitmentChangeListener"/>s in the same transaction.</summary>
public interface IProgressReportStore : IProgressReportReader
{
    /// <summary>Inserts or updates the report; an approved (locked) report refuses.</summary>
    ProgressReport Save(ProgressReport report);

    ProgressReport? Get(int id);

    ProgressReport? Find(int commitmentId, ReportingPeriod period);

    IReadOnlyList<ProgressReport> ListByState(ReportState state);

    IReadOnlyList<ProgressReport> ListByOrganisation(int organisationId);

    IReadOnlyList<ProgressReport> ListAll();
}

/// <summary>
/// The reports of a commitment, read without the change listeners: what the reminder planner asks inside the
/// transaction that changes a report (the report store itself depends on the planner).
/// </summary>
public interface IProgressReportReader
{
    IReadOnlyList<ProgressReport> ListByCommitment(int commitmentId);
}
