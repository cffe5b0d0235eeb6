using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// Delivers one recipient's claimed rows: quiet hours and Sundays, the daily cap, folding, and each message
/// through the stored conversation reference with its "sent" mark (<see cref="ReminderSentRecord"/>).
/// </summary>
internal sealed partial class RecipientDelivery(
    ReminderRowUpdates updates,
    IInFlightMessages inFlight,
    IReminderOutbox outbox,
    CoordinatorReports coordinatorReports,
    ProactiveMessenger messenger,
    LocalSchedule schedule,
    IOptions<ReminderOptions> options,
    ILogger<RecipientDelivery> logger)
{
    private readonly ReminderOptions _options = options.Value;

    /// <summary>
    /// Applies the rules to one recipient's rows, being claimed (unknown recipient, quiet hours, no conversation, the
    /// daily cap), and composes what goes out now; <paramref name="earlier"/> are this recipient's messages that earlier
    /// attempts recorded and never marked sent. The messages go into the claim (what a crash leaves in flight), so the
    /// rows the rules keep back are written by <see cref="RecipientPlan.Writes"/>, once the claim holds them.
    /// </summary>
    public RecipientPlan Prepare(SweepRecipients recipients, string recipientId, IReadOnlyList<ClaimedRow> claimed, IReadOnlyList<InFlightMessage> earlier, string claimId, DateTime now, DateTime startedAt, SweepTally tally)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.User(recipientId) is not { } user)
        {
            var rows = claimed.Select(c => c.Row).ToList();
            return new(null, () =>
            {
                updates.Fail(rows, claimId, "recipient unknown");
                tally.Failed(rows.Count);
            });
        }

        var zone = recipients.ZoneOf(user);
        if (!schedule.IsAllowed(now, zone))
        {
            var rows = claimed.Select(c => c.Row).ToList();
            return new(null, () =>
            {
                updates.Defer(rows, claimId, schedule.NextAllowed(now, zone), "quiet hours");
                tally.Deferred(rows.Count);
            });
        }

        if (recipients.LatestReference(user) is not { } target)
        {
            var rows = claimed.Select(c => c.Row).ToList();
            return new(null, () => Retry(rows, claimId, now, new DeliveryFailure(true, null, "no conversation reference"), tally));
        }

        var today = LocalSchedule.LocalDate(now, zone);
        var locale = user.Locale ?? target.Reference.Locale;
        var resends = Resends(earlier, claimed, user, today, locale, out var fresh);
        var composed = Compose(fresh, user, today, locale, now, startedAt);
        var (dayStart, dayEnd) = (LocalSchedule.ToUtc(today, TimeSpan.Zero, zone), LocalSchedule.ToUtc(today.AddDays(1), TimeSpan.Zero, zone));
        var allowance = _options.MaxMessagesPerUserPerDay - recipients.SentBetween(user.Id, dayStart, dayEnd);

        // A message that may already have reached the user goes again as it was (same rows, same id), never
        // folded with newer rows; it counts towards the day's cap like any other.
        var messages = resends.Take(Math.Max(allowance, 0)).ToList();
        var overflow = resends.Skip(messages.Count).SelectMany(m => m.Rows).ToList();
        messages.AddRange(FitToAllowance(composed, allowance - messages.Count, today, locale, out var composedOverflow));
        overflow.AddRange(composedOverflow);
        var writes = overflow.Count == 0 ? null : new Action(() =>
        {
            updates.Defer(overflow, claimId, schedule.NextAllowed(LocalSchedule.ToUtc(today.AddDays(1), _options.SendAt, zone), zone), "daily cap");
            tally.Deferred(overflow.Count);
        });
        return new(messages.Count == 0 ? null : new RecipientMessages(user.Id, target.Reference, target.ConversationKey, messages), writes);
    }

    /// <summary>
    /// Sends one recipient's prepared messages, in order, each through the stored conversation reference; the sweep
    /// has already recorded them in flight with their claim (<see cref="IInFlightMessages"/>), so whatever happens next (a crash, a
    /// timeout) the next attempt sends the same message under the same id. The channel's sender writes each "sent"
    /// mark (with the message where the transcript is ours: exactly once); a message waits for the mark of the one
    /// before it, the last one does not (the sweep waits for every mark before it ends).
    /// </summary>
    public async Task SendAsync(RecipientMessages recipient, string claimId, DateTime now, SweepTally tally, SentMarks marks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var messages = recipient.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var mark = recipient.Mark(message);
            try
            {
                var record = new ReminderSentRecord(mark, claimId, updates, marks, waitForMark: i < messages.Count - 1);
                await messenger.DeliverAsync(recipient.Reference, new ProactiveMessage(message.Activity, message.Id, record), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: what was not attempted yet goes back (sent again later under its recorded id); the
                // message in flight may or may not have reached the channel and stays leased (sent again, same id).
                updates.Release(messages.Skip(i + 1).SelectMany(m => m.Rows).ToList(), claimId);
                throw;
            }
            catch (ReminderClaimLostException)
            {
                // A later claim took these rows over (the lease ran out): it delivers them, and nothing was stored here.
                LogClaimLost(recipient.UserId);
                updates.Release(messages.Skip(i + 1).SelectMany(m => m.Rows).ToList(), claimId);
                return;
            }
            catch (Exception ex)
            {
                var failure = DeliveryFailure.From(ex);
                LogDeliveryFailed(ex, recipient.UserId, failure.Outcome);
                Retry(messages.Skip(i).SelectMany(m => m.Rows).ToList(), claimId, now, failure, tally);
                return;
            }

            tally.Message(message.Rows.Count);
        }
    }

    /// <summary>
    /// The messages of this recipient that an earlier attempt handed to the channel without marking them
    /// (<see cref="IInFlightMessages"/>), composed again from their claimed rows under their recorded id;
    /// <paramref name="fresh"/> gets the claimed rows no such message carries.
    /// </summary>
    private List<OutgoingMessage> Resends(IReadOnlyList<InFlightMessage> records, IReadOnlyList<ClaimedRow> claimed, BotUser user, DateOnly today, string? locale, out List<ClaimedRow> fresh)
    {
        fresh = [.. claimed];
        if (records.Count == 0)
        {
            return [];
        }

        var byKey = claimed.ToDictionary(c => c.Row.Id, StringComparer.Ordinal);
        var resends = new List<OutgoingMessage>();
        foreach (var record in records.OrderBy(r => r.CreatedAt))
        {
            var rows = record.Keys.Where(byKey.ContainsKey).Select(k => byKey[k].Row).ToList();
            if (rows.Count > 0)
            {
                record.Keys.ForEach(k => byKey.Remove(k));
                resends.Add(new(Shaped(record.Shape, rows, user, today, locale), rows, record.Shape, record.Id));
            }
            else if (record.Keys.All(k => outbox.Get(k) is not { Status: ReminderStatus.Pending or ReminderStatus.Sending }))
            {
                inFlight.Remove(record.Id); // its rows were finished some other way (failed for good, replanned away)
            }
        }

        fresh = claimed.Where(c => byKey.ContainsKey(c.Row.Id)).ToList();
        return resends;
    }

    private List<OutgoingMessage> Compose(IReadOnlyList<ClaimedRow> claimed, BotUser user, DateOnly today, string? locale, DateTime now, DateTime startedAt)
    {
        var messages = new List<OutgoingMessage>();
        var reminders = claimed.Where(c => c.Row.Kind != ReminderKind.Digest).ToList();
        var late = reminders.Where(c => c.IsLate(now, startedAt, _options.CatchUpAfter)).Select(c => c.Row).ToList();
        var onTime = reminders.Select(c => c.Row).Except(late).ToList();
        if (late.Count > 0)
        {
            messages.Add(OutgoingMessage.For(Shaped("catch-up", late, user, today, locale), late, "catch-up"));
        }

        if (onTime.Count > 0)
        {
            var shape = onTime.Count == 1 ? "single" : "folded";
            messages.Add(OutgoingMessage.For(Shaped(shape, onTime, user, today, locale), onTime, shape));
        }

        var digests = claimed.Where(c => c.Row.Kind == ReminderKind.Digest).Select(c => c.Row).ToList();
        if (digests.Count > 0)
        {
            messages.Add(OutgoingMessage.For(Shaped("digest", digests, user, today, locale), digests, "digest"));
        }

        return messages;
    }

    private Activity Shaped(string shape, List<ReminderItem> rows, BotUser user, DateOnly today, string? locale) => shape switch
    {
        "digest" => coordinatorReports.Digest(user, today, locale),
        "single" when rows.Count == 1 => ReminderComposer.Single(rows[0], today, locale),
        _ => ReminderComposer.Fold(rows, today, locale, catchUp: shape == "catch-up"),
    };

    /// <summary>Within the day's allowance: fold the reminders together first, then leave the rest for tomorrow.</summary>
    private static List<OutgoingMessage> FitToAllowance(List<OutgoingMessage> messages, int allowance, DateOnly today, string? locale, out List<ReminderItem> overflow)
    {
        overflow = [];
        if (messages.Count <= allowance)
        {
            return messages;
        }

        var reminderRows = messages.Where(m => m.Shape != "digest").SelectMany(m => m.Rows).ToList();
        if (allowance >= 1 && reminderRows.Count > 0)
        {
            var catchUp = messages.Any(m => m.Shape == "catch-up");
            var merged = OutgoingMessage.For(ReminderComposer.Fold(reminderRows, today, locale, catchUp), reminderRows, catchUp ? "catch-up" : "folded");
            messages = [merged, .. messages.Where(m => m.Shape == "digest")];
        }

        var kept = messages.Take(Math.Max(allowance, 0)).ToList();
        overflow = messages.Skip(kept.Count).SelectMany(m => m.Rows).ToList();
        return kept;
    }

    private void Retry(IReadOnlyList<ReminderItem> rows, string claimId, DateTime now, DeliveryFailure failure, SweepTally tally)
    {
        var (retrying, failed) = updates.Retry(rows, claimId, now, failure);
        tally.Retrying(retrying);
        tally.Failed(failed);
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Reminder delivery to user {UserId} failed: {Outcome}")]
    private partial void LogDeliveryFailed(Exception exception, string userId, string outcome);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Reminder delivery to user {UserId} stopped: a later claim holds the rows")]
    private partial void LogClaimLost(string userId);
}

/// <summary>
/// What one recipient's claimed rows come to: the messages that go out now (null when none), and the writes of the rows
/// the rules keep back (deferred, failed, retrying; null when none), made once the claim holds the rows.
/// </summary>
internal sealed record RecipientPlan(RecipientMessages? Send, Action? Writes);

/// <summary>One recipient's messages that go out now, in order, and where to.</summary>
internal sealed record RecipientMessages(string UserId, ConversationReference Reference, string ConversationKey, IReadOnlyList<OutgoingMessage> Messages)
{
    /// <summary>The "sent" mark of <paramref name="message"/>.</summary>
    public PendingMark Mark(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Rows, UserId, ConversationKey, message.Shape, message.Id);
    }

    /// <summary>The record of <paramref name="message"/> in flight, written with the claim before it is sent.</summary>
    public InFlightMessage InFlight(OutgoingMessage message, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(message);
        var keys = new List<string>(message.Rows.Count);
        foreach (var row in message.Rows)
        {
            keys.Add(row.Id);
        }

        return new InFlightMessage { Id = message.Id, RecipientId = UserId, Keys = keys, Shape = message.Shape, ConversationKey = ConversationKey, CreatedAt = at };
    }
}

/// <summary>One message about to go out, the rows it carries and its stable id.</summary>
internal sealed record OutgoingMessage(Activity Activity, IReadOnlyList<ReminderItem> Rows, string Shape, string Id)
{
    /// <summary>A new message, its id derived from its rows' keys.</summary>
    public static OutgoingMessage For(Activity activity, IReadOnlyList<ReminderItem> rows, string shape) =>
        new(activity, rows, shape, InFlightMessages.StableId(rows));
}
