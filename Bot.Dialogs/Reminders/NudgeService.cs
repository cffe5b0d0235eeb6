using System.Globalization;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Dialogs.Reminders;

/// <summary>What one "ingatkan" tap did.</summary>
internal sealed record NudgeResult(int Queued, int AlreadyToday, int Fokal, IReadOnlyList<string> WithoutFokal);

/// <summary>
/// A coordinator's nudge: an outbox row due now for each fokal with a missing report, at most one per
/// commitment, period and fokal per day (a second tap adds nothing), each logged in "nudges".
/// </summary>
internal sealed class NudgeService(
    ReportingOverview overview,
    RecipientDirectory directory,
    ReminderOutbox outbox,
    SinergiDatabase database,
    TimeProvider time)
{
    private readonly ILiteCollection<NudgeRecord> _nudges = CreateCollection(database);

    public NudgeResult Nudge(BotUser coordinator, IEnumerable<Organisation> scope, ReportingPeriod period, int year)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        var now = time.GetUtcNow().UtcDateTime;
        var today = LocalSchedule.LocalDate(now, directory.ZoneOf(coordinator));
        var (queued, already) = (0, 0);
        var fokalReached = new HashSet<string>(StringComparer.Ordinal);
        var withoutFokal = new List<string>();
        foreach (var standing in overview.Standings(scope, period, year, today).Where(s => s.Missing.Count > 0))
        {
            var organisationName = CoordinatorReports.Name(standing.Organisation);
            var any = false;
            foreach (var missing in standing.Missing)
            {
                foreach (var fokal in directory.FokalFor(missing.Commitment))
                {
                    any = true;
                    fokalReached.Add(fokal.Id);
                    var key = string.Create(CultureInfo.InvariantCulture, $"c{missing.Commitment.Id}|{period}|nudge{today:yyyyMMdd}|{fokal.Id}");
                    var row = ScheduledNotices.Row(key, fokal.Id, ReminderKind.Nudge, "nudge", now, missing.Commitment, organisationName, period);
                    var added = database.InTransaction(() =>
                    {
                        if (!outbox.TryAdd(row))
                        {
                            return false;
                        }

                        _nudges.Insert(new NudgeRecord
                        {
                            Id = key,
                            CoordinatorId = coordinator.Id,
                            OrganisationId = standing.Organisation.Id,
                            CommitmentId = missing.Commitment.Id,
                            Period = period,
                            RecipientId = fokal.Id,
                            At = now,
                        });
                        return true;
                    });
                    (queued, already) = added ? (queued + 1, already) : (queued, already + 1);
                }
            }

            if (!any)
            {
                withoutFokal.Add(organisationName);
            }
        }

        return new NudgeResult(queued, already, fokalReached.Count, withoutFokal);
    }

    public IReadOnlyList<NudgeRecord> ListByCoordinator(string coordinatorId) => _nudges.Find(n => n.CoordinatorId == coordinatorId).ToList();

    private static ILiteCollection<NudgeRecord> CreateCollection(SinergiDatabase database)
    {
        var nudges = database.Collection<NudgeRecord>("nudges");
        nudges.EnsureIndex(n => n.CoordinatorId);
        return nudges;
    }

    /// <summary>One nudge: who asked, for whom, about what, when. The id is the outbox row's key.</summary>
    internal sealed class NudgeRecord
    {
        public string Id { get; set; } = string.Empty;
        public string CoordinatorId { get; set; } = string.Empty;
        public int OrganisationId { get; set; }
        public int CommitmentId { get; set; }
        public ReportingPeriod Period { get; set; }
        public string RecipientId { get; set; } = string.Empty;
        public DateTime At { get; set; }
    }
}
