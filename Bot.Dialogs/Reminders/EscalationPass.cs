using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// The daily reconciliation: replans every live commitment, so escalations follow the OPD's current
/// coordinators and fokal (people join and leave without touching the commitment) and nothing drifts.
/// Replanning is idempotent: keys already sent are never added again.
/// </summary>
internal sealed class EscalationPass(ICommitmentStore commitments, ReminderPlanner planner, IStorageTransactions transactions, TimeProvider time)
{
    public int Run()
    {
        var year = time.GetUtcNow().Year;
        var replanned = 0;

        // Last year's B12 escalates into January of this one.
        foreach (var commitment in commitments.ListAll(year - 1).Concat(commitments.ListAll(year)).Where(c => c.Status != CommitmentStatus.Cancelled))
        {
            transactions.Run(() => planner.Replan(commitment));
            replanned++;
        }

        return replanned;
    }
}
