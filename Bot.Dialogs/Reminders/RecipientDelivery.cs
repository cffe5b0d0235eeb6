using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// Delivers one recipient's claimed rows: quiet hours and Sundays, the daily cap, folding, the send through
/// the stored conversation reference, and the mark right after the channel accepted each message.
/// </summary>
internal sealed partial class RecipientDelivery(
    RecipientDirectory directory,
    ReminderRowUpdates updates,
    DeliveryLog log,
    CoordinatorReports coordinatorReports,
    ProactiveMessenger messenger,
    LocalSchedule schedule,
    IOptions<ReminderOptions> options,
    ILogger<RecipientDelivery> logger)
{
    private readonly ReminderOptions _options = options.Value;

    public async Task DeliverAsync(string recipientId, IReadOnlyList<ClaimedRow> claimed, string claimId, DateTime now, DateTime startedAt, SweepTally tally, SentMarks marks, CancellationToken cancellationToken)
    {
        var rows = claimed.Select(c => c.Row).ToList();
        var user = directory.Get(recipientId);
        if (user is null)
        {
            updates.Fail(rows, claimId, "recipient unknown");
            tally.Failed(rows.Count);
            return;
        }

        var zone = directory.ZoneOf(user);
        if (!schedule.IsAllowed(now, zone))
        {
            updates.Defer(rows, claimId, schedule.NextAllowed(now, zone), "quiet hours");
            tally.Deferred(rows.Count);
            return;
        }

        if (directory.LatestReference(user) is not { } target)
        {
            Retry(rows, claimId, now, new DeliveryFailure(true, null, "no conversation reference"), tally);
            return;
        }

        var today = LocalSchedule.LocalDate(now, zone);
        var locale = user.Locale ?? target.Reference.Locale;
        var messages = Compose(claimed, user, today, locale, now, startedAt);
        var (dayStart, dayEnd) = (LocalSchedule.ToUtc(today, TimeSpan.Zero, zone), LocalSchedule.ToUtc(today.AddDays(1), TimeSpan.Zero, zone));
        var allowance = _options.MaxMessagesPerUserPerDay - log.CountBetween(user.Id, dayStart, dayEnd);
        messages = FitToAllowance(messages, allowance, today, locale, out var overflow);
        if (overflow.Count > 0)
        {
            updates.Defer(overflow, claimId, schedule.NextAllowed(LocalSchedule.ToUtc(today.AddDays(1), _options.SendAt, zone), zone), "daily cap");
            tally.Deferred(overflow.Count);
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            try
            {
                await messenger.SendAsync(target.Reference, [message.Activity], cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: what was not attempted yet goes back untouched; the message in flight may or may
                // not have reached the channel and stays leased (the documented at-least-once window).
                updates.Release(messages.Skip(i + 1).SelectMany(m => m.Rows).ToList(), claimId);
                throw;
            }
            catch (Exception ex)
            {
                var failure = DeliveryFailure.From(ex);
                LogDeliveryFailed(ex, user.Id, failure.Outcome);
                Retry(messages.Skip(i).SelectMany(m => m.Rows).ToList(), claimId, now, failure, tally);
                return;
            }

            await marks.MarkAsync(new PendingMark(message.Rows, user.Id, target.ConversationKey, message.Shape));
            tally.Message(message.Rows.Count);
        }
    }

    private List<OutgoingMessage> Compose(IReadOnlyList<ClaimedRow> claimed, BotUser user, DateOnly today, string? locale, DateTime now, DateTime startedAt)
    {
        var messages = new List<OutgoingMessage>();
        var reminders = claimed.Where(c => c.Row.Kind != ReminderKind.Digest).ToList();
        var late = reminders.Where(c => c.AwakeSince < startedAt || now - c.AwakeSince > _options.CatchUpAfter).Select(c => c.Row).ToList();
        var onTime = reminders.Select(c => c.Row).Except(late).ToList();
        if (late.Count > 0)
        {
            messages.Add(new(ReminderComposer.Fold(late, today, locale, catchUp: true), late, "catch-up"));
        }

        if (onTime.Count == 1)
        {
            messages.Add(new(ReminderComposer.Single(onTime[0], today, locale), onTime, "single"));
        }
        else if (onTime.Count > 1)
        {
            messages.Add(new(ReminderComposer.Fold(onTime, today, locale, catchUp: false), onTime, "folded"));
        }

        var digests = claimed.Where(c => c.Row.Kind == ReminderKind.Digest).Select(c => c.Row).ToList();
        if (digests.Count > 0)
        {
            messages.Add(new(coordinatorReports.Digest(user, today, locale), digests, "digest"));
        }

        return messages;
    }

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
            var merged = new OutgoingMessage(ReminderComposer.Fold(reminderRows, today, locale, catchUp), reminderRows, catchUp ? "catch-up" : "folded");
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
}

/// <summary>One message about to go out and the rows it carries.</summary>
internal sealed record OutgoingMessage(Activity Activity, IReadOnlyList<ReminderItem> Rows, string Shape);
