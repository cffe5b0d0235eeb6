using System.Globalization;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>The fokal's answers to a reminder: remind me later, or "already done".</summary>
internal sealed class ReminderActions(
    IReminderOutbox outbox,
    ReminderPlanner planner,
    IReminderAcknowledgements acknowledgements,
    RecipientDirectory directory,
    LocalSchedule schedule,
    TimeProvider time)
{
    /// <summary>
    /// Puts the user's reminders for that commitment and period off by <paramref name="days"/>: the rows due up to
    /// then are skipped (their keys stay used, so a replan cannot bring them back) and one reminder is
    /// queued at the planned hour of that day, moved out of quiet hours and off a Sunday. Returns when, in UTC.
    /// </summary>
    public DateTime Snooze(BotUser user, Commitment commitment, ReportingPeriod period, int days, string organisationName)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(commitment);
        var now = time.GetUtcNow().UtcDateTime;
        var zone = directory.ZoneOf(user);
        var at = schedule.PlannedInstant(LocalSchedule.LocalDate(now, zone).AddDays(days), beforeOrOnTarget: false, zone);
        foreach (var row in outbox.ForCommitment(commitment.Id).Where(r =>
            r.RecipientId == user.Id && r.Period == period && r.Status == ReminderStatus.Pending && r.WakeAt <= at))
        {
            row.Status = ReminderStatus.Skipped;
            row.WakeAt = ReminderItem.Never;
            row.Outcome = "snoozed by the user";
            outbox.Update(row);
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"c{commitment.Id}|{period}|snooze{at:yyyyMMddHHmm}|{user.Id}");
        var snoozed = ScheduledNotices.Row(key, user.Id, ReminderKind.Snooze, "snooze", at, commitment, organisationName, period);
        snoozed.CreatedAt = now;
        outbox.TryAdd(snoozed);
        return at;
    }

    /// <summary>Stops the reminders for that period until a report arrives (the replan sees the period as closed).</summary>
    public void MarkDone(BotUser user, Commitment commitment, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(commitment);
        acknowledgements.Record(commitment.Id, period, user.Id, time.GetUtcNow().UtcDateTime);
        planner.Replan(commitment);
    }
}
