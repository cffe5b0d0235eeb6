using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// A reminder message's "sent" mark as the channel's sender asks for it: inside the transaction that stores the
/// message (Direct Line; throws <see cref="ReminderClaimLostException"/> to undo it when a later claim took the
/// rows), or group-committed right after the channel accepted it (<see cref="SentMarks"/>). With
/// <paramref name="waitForMark"/> false (a recipient's last message) the sender goes on before the mark is written,
/// so deliveries do not queue behind disk flushes; the sweep waits for every mark before it ends.
/// </summary>
internal sealed class ReminderSentRecord(PendingMark mark, string claimId, ReminderRowUpdates updates, SentMarks marks, bool waitForMark) : IDeliveryRecord
{
    public void WriteWithMessage() => updates.MarkSentWithMessage(mark, claimId);

    /// <summary>Ignores cancellation: a message the channel accepted is marked even while the host shuts down.</summary>
    public Task WriteAfterSendAsync(CancellationToken cancellationToken)
    {
        var written = marks.MarkAsync(mark);
        return waitForMark ? written : Task.CompletedTask;
    }
}
