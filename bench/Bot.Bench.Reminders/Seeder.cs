using System.Diagnostics;
using System.Globalization;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench.Reminders;

/// <summary>
/// Seeds the data set: one OPD (WITA) and one fokal per due row, 100 coordinators, and the commitments spread
/// over the OPDs. One commitment per OPD has its deadline on <see cref="DueDeadline"/>, so exactly the due count
/// of "H-7" rows falls due at <see cref="DueInstant"/>; every other row is due later. Commitments go in with
/// a bulk insert and are planned through the real <see cref="ReminderPlanner"/>, 1,000 per transaction.
/// </summary>
internal static class Seeder
{
    public static readonly DateTimeOffset PlanningStart = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly DueDeadline = new(2027, 4, 20);

    /// <summary>08:00 WITA seven days before the deadline.</summary>
    public static readonly DateTimeOffset DueInstant = new(2027, 4, 13, 0, 0, 0, TimeSpan.Zero);

    private const int Coordinators = 100;

    public static TimeSpan Seed(IServiceProvider provider, int commitmentCount, int organisationCount)
    {
        var watch = Stopwatch.StartNew();
        var database = provider.GetRequiredService<SinergiDatabase>();
        var references = provider.GetRequiredService<IConversationReferenceStore>();
        _ = provider.GetRequiredService<IUserStore>(); // creates the user indexes
        _ = provider.GetRequiredService<ICommitmentStore>();
        var users = database.Collection<BotUser>("users");
        var organisations = database.Collection<Organisation>("organisations");

        var coordinators = Enumerable.Range(0, Coordinators).Select(i => User("koor-" + i, Role.Koordinator, null)).ToList();
        users.InsertBulk(coordinators);
        var opds = Enumerable.Range(0, organisationCount).Select(i => new Organisation
        {
            Name = "OPD " + i,
            ShortName = "OPD" + i,
            TimeZone = IndonesianTimeZones.Wita,
            CoordinatorUserIds = [coordinators[i % Coordinators].Id],
        }).ToList();
        organisations.InsertBulk(opds);
        var fokal = opds.Select(o => User("fokal-" + o.Id, Role.Fokal, o.Id)).ToList();
        users.InsertBulk(fokal);
        database.InTransaction(() =>
        {
            foreach (var user in coordinators.Concat(fokal))
            {
                references.Save(Reference(user.Accounts[0]), user.Accounts[0]);
            }
        });
        Console.WriteLine($"  people: {watch.Elapsed.TotalSeconds:F1} s, {Cpu():F1} s CPU");

        var commitments = Enumerable.Range(0, commitmentCount).Select(i => Commitment(i, opds[i % organisationCount], fokal[i % organisationCount], i < organisationCount)).ToList();
        database.Collection<Commitment>("commitments").InsertBulk(commitments);
        Console.WriteLine($"  commitments: {watch.Elapsed.TotalSeconds:F1} s, {Cpu():F1} s CPU");

        var planner = provider.GetRequiredService<ReminderPlanner>();
        foreach (var batch in commitments.Chunk(1_000))
        {
            database.InTransaction(() =>
            {
                foreach (var commitment in batch)
                {
                    planner.Replan(commitment);
                }
            });
        }

        Console.WriteLine($"  planning: {watch.Elapsed.TotalSeconds:F1} s, {Cpu():F1} s CPU");
        return watch.Elapsed;
    }

    private static double Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static BotUser User(string account, Role role, int? organisationId) => new()
    {
        Id = "U-" + account,
        Accounts = ["bench|" + account],
        Role = role,
        OrganisationId = organisationId,
        Locale = "id-ID",
    };

    private static ConversationReference Reference(string userKey) => new()
    {
        ChannelId = "bench",
        ServiceUrl = "http://127.0.0.1:9/",
        Conversation = new ConversationAccount { Id = "conv-" + userKey },
        User = new ChannelAccount { Id = userKey },
        Bot = new ChannelAccount { Id = "bot" },
    };

    /// <summary>The first commitment of each OPD is due at the sweep; the others spread over 30 Apr … 26 Dec.</summary>
    private static Commitment Commitment(int index, Organisation organisation, BotUser fokal, bool dueAtSweep) => new()
    {
        Code = string.Create(CultureInfo.InvariantCulture, $"RA-2027-{index + 1:000000}"),
        OrganisationId = organisation.Id,
        Year = 2027,
        FocusArea = FocusArea.Pencegahan,
        Programme = Programme.SosialisasiAdvokasi,
        Title = "Sosialisasi P4GN " + index,
        OutputIndicator = "peserta",
        TargetValue = 100,
        Unit = "orang",
        Location = "Kandangan",
        Deadline = dueAtSweep ? DueDeadline : DueDeadline.AddDays(10 + index % 240),
        Periods = [ReportingPeriod.B12],
        CreatedBy = fokal.Id,
        Version = 1,
    };
}
