using Bot.Dialogs.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// The state changes of claimed rows, each one transaction. Every change first checks that the row is still
/// held by this claim, so a sweep that outlived its lease cannot overwrite what a later sweep did.
/// </summary>
internal sealed partial class ReminderRowUpdates(
    IReminderOutbox outbox,
    IStorageTransactions transactions,
    IDeliveryLog log,
    IInFlightMessages inFlight,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderRowUpdates> logger)
{
    private readonly ReminderOptions _options = options.Value;

    /// <summary>
    /// One group commit of <see cref="SentMarks"/>: "sent" marks of messages the channel accepted (each counts towards
    /// the day's cap and drops its in-flight record).
    /// </summary>
    public void Write(IReadOnlyList<PendingMark> marks, string claimId)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var now = time.GetUtcNow().UtcDateTime;
        transactions.Run(() => MarkSent(marks, claimId, now));
    }

    /// <summary>
    /// Marks one message sent inside the transaction that stored it in a channel's transcript
    /// (<see cref="ReminderSentRecord.WriteWithMessage"/>). When another claim holds any of its rows, throws
    /// <see cref="ReminderClaimLostException"/> so that the transaction, message included, is undone.
    /// </summary>
    public void MarkSentWithMessage(PendingMark mark, string claimId)
    {
        ArgumentNullException.ThrowIfNull(mark);
        transactions.Run(() =>
        {
            if (mark.Rows.Select(r => outbox.Get(r.Id)).Any(row => row is null || row.ClaimId != claimId || row.Status != ReminderStatus.Sending))
            {
                throw new ReminderClaimLostException(mark.MessageId);
            }

            MarkSent([mark], claimId, time.GetUtcNow().UtcDateTime);
        });
    }

    /// <summary>
    /// The rows of these messages become sent (in one write where the outbox can: <see cref="IReminderOutbox.MarkSent"/>),
    /// their in-flight records go, and each message counts towards its user's daily cap.
    /// </summary>
    private void MarkSent(IReadOnlyList<PendingMark> messages, string claimId, DateTime sentAt)
    {
        var lost = outbox.MarkSent([.. messages.Select(m => new SentMessage([.. m.Rows.Select(r => r.Id)], m.MessageId, m.ConversationKey, m.Shape, sentAt))], claimId);
        foreach (var key in lost)
        {
            LogClaimLost(key);
        }

        foreach (var message in messages)
        {
            inFlight.Remove(message.MessageId);
        }

        log.AddAll([.. messages.Select(message => new ReminderDelivery
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = message.UserId,
            SentAt = sentAt,
            ConversationKey = message.ConversationKey,
            Items = message.Rows.Count,
            Shape = message.Shape,
        })]);
    }

    /// <summary>Back to pending until <paramref name="until"/> (quiet hours, Sunday, daily cap); not an attempt.</summary>
    public void Defer(IReadOnlyList<ReminderItem> rows, string claimId, DateTime until, string reason) =>
        transactions.Run(() => Apply(rows, claimId, row =>
        {
            row.Status = ReminderStatus.Pending;
            row.WakeAt = until;
            row.Outcome = "deferred: " + reason;
        }));

    /// <summary>Back to pending at once, untouched (the sweep stopped before trying them).</summary>
    public void Release(IReadOnlyList<ReminderItem> rows, string claimId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        transactions.Run(() => Apply(rows, claimId, row =>
        {
            row.Status = ReminderStatus.Pending;
            row.WakeAt = now;
        }));
    }

    public void Fail(IReadOnlyList<ReminderItem> rows, string claimId, string outcome) =>
        transactions.Run(() => Apply(rows, claimId, row =>
        {
            row.Status = ReminderStatus.Failed;
            row.WakeAt = ReminderItem.Never;
            row.Outcome = outcome;
        }));

    /// <summary>Counts an attempt: retry after the back-off (at least the channel's Retry-After), or give up.</summary>
    public (int Retrying, int Failed) Retry(IReadOnlyList<ReminderItem> rows, string claimId, DateTime now, DeliveryFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var (retrying, failed) = (0, 0);
        transactions.Run(() => Apply(rows, claimId, row =>
        {
            row.Attempts++;
            if (failure.IsTransient && row.Attempts < _options.MaxAttempts)
            {
                row.Status = ReminderStatus.Pending;
                row.WakeAt = now + failure.Delay(row.Attempts, _options);
                row.Outcome = "retrying: " + failure.Outcome;
                retrying++;
            }
            else
            {
                row.Status = ReminderStatus.Failed;
                row.WakeAt = ReminderItem.Never;
                row.Outcome = "failed: " + failure.Outcome;
                failed++;
            }
        }));
        return (retrying, failed);
    }

    private void Apply(IReadOnlyList<ReminderItem> rows, string claimId, Action<ReminderItem> change)
    {
        foreach (var claimed in rows)
        {
            var row = outbox.Get(claimed.Id);
            if (row is null || row.ClaimId != claimId || row.Status != ReminderStatus.Sending)
            {
                LogClaimLost(claimed.Id);
                continue;
            }

            change(row);
            row.ClaimId = null;
            outbox.UpdateClaimed(row, claimId);
        }
    }

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Reminder {ReminderId} is no longer held by this sweep; left as it is")]
    private partial void LogClaimLost(string reminderId);
}

/// <summary>The rows of a message are no longer held by the claim that was delivering it; nothing was recorded.</summary>
internal sealed class ReminderClaimLostException(string messageId)
    : InvalidOperationException($"Reminder message {messageId} lost its claim before it was stored.");
