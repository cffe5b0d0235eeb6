using Bot.Dialogs.Storage;
namespace Bot.Dialogs.Tips;

/// <summary>
/// Tells coordinators, every <see cref="TipOptions.AlertInterval"/> (a Quartz job in the host), how many tips are
/// new or have new information, and nothing more (issue 14, finding 8). The alert used to carry the tip's category
/// and kecamatan and went out from within the reporter's turn, so the coordinator's transcript in the main file held
/// part of the tip, written moments after the reporter's turn. Now it leaves on a schedule, independent of any turn,
/// with a count only; the details are on the dashboard.
/// </summary>
public sealed class TipAlerts(ITipStore store, TipNotifier notifier)
{
    /// <summary>Alerts the coordinators when tips are waiting; returns how many were counted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var count = store.TakeAlerts();
        if (count > 0)
        {
            await notifier.NotifyAsync(count, cancellationToken);
        }

        return count;
    }
}
