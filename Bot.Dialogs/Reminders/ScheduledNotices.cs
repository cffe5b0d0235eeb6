using System.Globalization;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// The notices Quartz triggers at 08:00 local per zone: the B6/B12 window notice and the weekly digest. Each
/// becomes outbox rows due now, keyed so a second run (or a run after a restart) adds nothing.
/// </summary>
internal sealed class ScheduledNotices(
    ICommitmentStore commitments,
    IUserStore users,
    RecipientDirectory directory,
    ReminderPlanner planner,
    IReminderOutbox outbox,
    TimeProvider time)
{
    /// <summary>A window notice missed on the 1st (host down at 08:00) still goes out during the window's first week.</summary>
    private const int WindowNoticeDays = 7;

    /// <summary>Queues the window notice for every fokal in <paramref name="zoneCode"/> (all zones when null) with an open report.</summary>
    public int QueueWindowNotices(string? zoneCode)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var commitment in commitments.ListAll().Where(c => c.Status != CommitmentStatus.Cancelled))
        {
            var inputs = planner.Gather(commitment);
            foreach (var period in commitment.Periods.Distinct().Where(p => !inputs.ClosedPeriods.Contains(p)))
            {
                foreach (var fokal in directory.FokalFor(commitment).Where(u => InZone(u, zoneCode)))
                {
                    var today = LocalSchedule.LocalDate(now, directory.ZoneOf(fokal));
                    var opens = ReportingPeriods.WindowOpens(period, commitment.Year);
                    if (today < opens || today.DayNumber - opens.DayNumber >= WindowNoticeDays)
                    {
                        continue;
                    }

                    var key = string.Create(CultureInfo.InvariantCulture, $"c{commitment.Id}|{period}|window{commitment.Year}|{fokal.Id}");
                    queued += outbox.TryAdd(Row(key, fokal.Id, ReminderKind.Window, "window", now, commitment, inputs.OrganisationName, period)) ? 1 : 0;
                }
            }
        }

        return queued;
    }

    /// <summary>Queues this ISO week's digest for every coordinator in <paramref name="zoneCode"/> (all zones when null).</summary>
    public int QueueDigests(string? zoneCode)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var coordinator in users.ListCoordinators().Where(u => InZone(u, zoneCode)))
        {
            var today = LocalSchedule.LocalDate(now, directory.ZoneOf(coordinator)).ToDateTime(TimeOnly.MinValue);
            var key = string.Create(CultureInfo.InvariantCulture, $"digest|{ISOWeek.GetYear(today)}-W{ISOWeek.GetWeekOfYear(today):00}|{coordinator.Id}");
            queued += outbox.TryAdd(Row(key, coordinator.Id, ReminderKind.Digest, "digest", now, null, null, null)) ? 1 : 0;
        }

        return queued;
    }

    private bool InZone(BotUser user, string? zoneCode) =>
        zoneCode is null || directory.ZoneOf(user).Id == IndonesianTimeZones.Find(zoneCode).Id;

    internal static ReminderItem Row(string key, string recipientId, ReminderKind kind, string step, DateTime due, Commitment? commitment, string? organisationName, ReportingPeriod? period) => new()
    {
        Id = key,
        RecipientId = recipientId,
        Kind = kind,
        Step = step,
        CommitmentId = commitment?.Id ?? 0,
        CommitmentCode = commitment?.Code,
        CommitmentTitle = commitment?.Title,
        OrganisationId = commitment?.OrganisationId ?? 0,
        OrganisationName = organisationName,
        Period = period,
        TargetDate = commitment is not null && period is { } p ? ReportingPeriods.EndOf(p, commitment.Year).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
        DueAt = due,
        WakeAt = due,
        Status = ReminderStatus.Pending,
        CreatedAt = due,
    };
}
