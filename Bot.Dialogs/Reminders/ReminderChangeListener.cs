using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// Replans a commitment's reminders inside the transaction that changed it or its report, so the outbox can
/// never disagree with the commitments (DESIGN.md decision 5): if the change rolls back, so does the plan.
/// </summary>
internal sealed class ReminderChangeListener(ReminderPlanner planner, IReminderAcknowledgements acknowledgements) : ICommitmentChangeListener
{
    public void CommitmentChanged(Commitment commitment) => planner.Replan(commitment);

    public void ReportChanged(ProgressReport report, Commitment commitment)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(commitment);

        // "Sudah selesai" held the reminders until a report arrived; it has.
        acknowledgements.Clear(commitment.Id, report.Period);
        planner.Replan(commitment, report);
    }
}
