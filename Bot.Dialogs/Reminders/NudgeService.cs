using System.Globalization;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>One fokal a nudge reached: how many reports, and when it really goes out.</summary>
internal sealed record NudgedFokal(BotUser Fokal, string Organisation, int Reports, DateTime? WaitsUntilUtc, TimeZoneInfo Zone, bool Reachable)
{
    /// <summary>For a fokal already nudged today: the reports still missing that are overdue.</summary>
    public int Overdue { get; init; }

    /// <summary>For a fokal already nudged today: when the first of today's nudges was queued (UTC).</summary>
    public DateTime? NudgedAtUtc { get; init; }
}

/// <summary>What one "ingatkan" did, truthfully: who gets a reminder now, who later, who already had one today.</summary>
internal sealed record NudgeResult(
    IReadOnlyList<NudgedFokal> Queued,
    IReadOnlyList<NudgedFokal> AlreadyToday,
    IReadOnlyList<string> WithoutFokal,
    IReadOnlyList<(ReportingPeriod Period, int Year)> Periods)
{
    /// <summary>The coordinator's local date from which the reports already nudged today can be nudged again.</summary>
    public DateOnly NextNudge { get; init; }

    /// <summary>Reports the queued reminders are about (one per commitment, period and fokal).</summary>
    public int Reports => Queued.Sum(q => q.Reports);
}

/// <summary>
/// A coordinator's nudge: an outbox row due now for each fokal with a missing report in the periods asked (an
/// overdue B6 as well as the open B12), at most one per commitment, period and fokal per day (a second tap adds
/// nothing), each logged in "nudges". It reports per fokal whether the message goes out now or waits for the end
/// of the quiet hours (or for a first conversation), and leaves OPDs without a fokal out of every count.
/// </summary>
internal sealed class NudgeService(
    ReportingOverview overview,
    RecipientDirectory directory,
    IReminderOutbox outbox,
    LocalSchedule schedule,
    INudgeLog nudges,
    TimeProvider time)
{
    public NudgeResult Nudge(BotUser coordinator, IEnumerable<Organisation> scope, IReadOnlyList<(ReportingPeriod Period, int Year)> periods)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(periods);
        var now = time.GetUtcNow().UtcDateTime;
        var today = LocalSchedule.LocalDate(now, directory.ZoneOf(coordinator));
        var queued = new Dictionary<string, (BotUser Fokal, string Organisation, int Reports)>(StringComparer.Ordinal);
        var already = new Dictionary<string, (BotUser Fokal, string Organisation, int Reports)>(StringComparer.Ordinal);
        var alreadyDetail = new Dictionary<string, (int Overdue, DateTime? At)>(StringComparer.Ordinal);
        var withoutFokal = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var organisations = scope.ToList();
        var chased = new List<(ReportingPeriod Period, int Year)>();
        foreach (var (period, year) in periods)
        {
            foreach (var standing in overview.Standings(organisations, period, year, today).Where(s => s.Missing.Count > 0))
            {
                if (!chased.Contains((period, year)))
                {
                    chased.Add((period, year));
                }

                var organisationName = CoordinatorReports.Name(standing.Organisation);
                foreach (var missing in standing.Missing)
                {
                    var fokal = directory.FokalFor(missing.Commitment);
                    if (fokal.Count == 0)
                    {
                        withoutFokal.Add(organisationName);
                        continue;
                    }

                    foreach (var person in fokal)
                    {
                        var (added, key) = Add(coordinator, standing.Organisation.Id, missing.Commitment, period, person, organisationName, today, now);
                        var tally = added ? queued : already;
                        var current = tally.GetValueOrDefault(person.Id, (person, organisationName, 0));
                        tally[person.Id] = (person, organisationName, current.Item3 + 1);
                        if (!added)
                        {
                            var at = nudges.Find(key)?.At is { } stamp ? (stamp.Kind == DateTimeKind.Local ? stamp.ToUniversalTime() : stamp) : (DateTime?)null;
                            var detail = alreadyDetail.GetValueOrDefault(person.Id);
                            alreadyDetail[person.Id] = (detail.Overdue + (missing.IsOverdue ? 1 : 0), Earliest(detail.At, at));
                        }
                    }
                }
            }
        }

        return new NudgeResult(
            queued.Values.Select(q => Describe(q.Fokal, q.Organisation, q.Reports, now)).ToList(),
            already.Values.Where(a => !queued.ContainsKey(a.Fokal.Id))
                .Select(a => Describe(a.Fokal, a.Organisation, a.Reports, now) with { Overdue = alreadyDetail[a.Fokal.Id].Overdue, NudgedAtUtc = alreadyDetail[a.Fokal.Id].At })
                .ToList(),
            [.. withoutFokal],
            chased.Count > 0 ? chased : periods)
        {
            NextNudge = today.AddDays(1),
        };
    }

    public IReadOnlyList<NudgeRecord> ListByCoordinator(string coordinatorId) => nudges.ListByCoordinator(coordinatorId);

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private (bool Added, string Key) Add(BotUser coordinator, int organisationId, Commitment commitment, ReportingPeriod period, BotUser fokal, string organisationName, DateOnly today, DateTime now)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"c{commitment.Id}|{period}|nudge{today:yyyyMMdd}|{fokal.Id}");
        var row = ScheduledNotices.Row(key, fokal.Id, ReminderKind.Nudge, "nudge", now, commitment, organisationName, period);
        if (!outbox.TryAdd(row))
        {
            return (false, key);
        }

        nudges.Add(new NudgeRecord
        {
            Id = key,
            CoordinatorId = coordinator.Id,
            OrganisationId = organisationId,
            CommitmentId = commitment.Id,
            Period = period,
            RecipientId = fokal.Id,
            At = now,
        });
        return (true, key);
    }

    /// <summary>When the sweep will really send to this fokal: now, or after the quiet hours (or Sunday) in their zone.</summary>
    private NudgedFokal Describe(BotUser fokal, string organisation, int reports, DateTime now)
    {
        var zone = directory.ZoneOf(fokal);
        var waits = schedule.IsAllowed(now, zone) ? (DateTime?)null : schedule.NextAllowed(now, zone);
        return new NudgedFokal(fokal, organisation, reports, waits, zone, directory.LatestReference(fokal) is not null);
    }
}
