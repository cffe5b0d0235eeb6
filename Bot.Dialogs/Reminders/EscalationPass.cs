using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// The daily reconciliation: replans every live commitment, so escalations follow the OPD's current
/// coordinators and fokal (people join and leave without touching the commitment) and nothing drifts.
/// Replanning is idempotent: keys already sent are never added again. Each commitment is replanned in a unit of
/// work of its own, so one that fails or meets a concurrent change does not hold up the others.
/// </summary>
internal sealed class EscalationPass(ICommitmentStore commitments, ReminderPlanner planner, UnitOfWorkRunner units, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var year = time.GetUtcNow().Year;
        var replanned = 0;

        // Last year's B12 escalates into January of this one.
        foreach (var commitment in commitments.ListAll(year - 1).Concat(commitments.ListAll(year)).Where(c => c.Status != CommitmentStatus.Cancelled))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await units.RunAsync(() => planner.Replan(commitments.Get(commitment.Id) ?? commitment), cancellationToken);
            replanned++;
        }

        return replanned;
    }
}
