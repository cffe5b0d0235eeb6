using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Tests.Reminders;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Storage;

/// <summary>
/// Two hosts (two service providers, each with its own sweep and channel) on one PostgreSQL sweep the same due rows at
/// the same moment, several times: the claim (<c>FOR UPDATE SKIP LOCKED</c>, then pending → sending in the claim's
/// transaction) gives each row to one of them, so each reminder is sent exactly once across both. In the cluster
/// Quartz runs one sweep at a time; this is the guarantee underneath, for a sweep started by hand or a misfire.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresReminderClaimTests(PostgresServer server) : IDisposable
{
    private const int Fokals = 60;

    /// <summary>07:00 WITA on Monday 1 March 2027: the deadline-day reminders are planned for 08:00 today.</summary>
    private static readonly DateTimeOffset Registered = new(2027, 2, 28, 23, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();

    [Fact]
    public async Task Two_hosts_sweeping_the_same_due_rows_send_each_reminder_once()
    {
        var settings = Settings();
        var channelA = new RecordingChannel();
        var channelB = new RecordingChannel();
        using var hostA = new DialogsHost(_first.Path, new FakeTimeProvider(Registered), settings, s => s.AddSingleton<IChannelSender>(channelA));
        using var hostB = new DialogsHost(_second.Path, new FakeTimeProvider(Registered), settings, s => s.AddSingleton<IChannelSender>(channelB));
        Seed(hostA);
        var due = hostA.Get<IReminderOutbox>().All().Where(r => r.Kind == ReminderKind.Due && r.IsDeadline).ToList();
        Assert.Equal(Fokals, due.Count);

        var at = due.Max(r => r.DueAt).AddSeconds(1);
        hostA.Time.SetUtcNow(new DateTimeOffset(at));
        hostB.Time.SetUtcNow(new DateTimeOffset(at));
        var sweepA = hostA.Get<ReminderSweep>();
        var sweepB = hostB.Get<ReminderSweep>();
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(Task.Run(() => sweepA.SweepAsync(TestContext.Token)), Task.Run(() => sweepB.SweepAsync(TestContext.Token)));
        }

        var rows = hostB.Get<IReminderOutbox>().All().Where(r => r.Kind == ReminderKind.Due && r.IsDeadline).ToList();
        Assert.All(rows, r => Assert.True(r.Status == ReminderStatus.Sent, $"{r.Id} is {r.Status} ({r.Outcome})"));
        var sent = channelA.Sent.Concat(channelB.Sent).ToList();
        var ids = sent.Select(ClientActivityId).ToList();
        Assert.Equal(Fokals, sent.Count);
        Assert.Equal(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(Fokals, sent.Select(a => a.Recipient?.Id).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>
    /// The kill test's takeover on its own: host A claims the due rows, records its messages in flight and hangs in the
    /// channel (a process stopped or killed mid-send); once A's lease has run out, host B's sweep takes the rows over
    /// and sends each message again under the id A recorded, and marks every row sent. A's deliveries, failing later,
    /// leave B's marks as they are.
    /// </summary>
    [Fact]
    public async Task A_sweep_on_another_host_takes_over_the_rows_a_dead_host_left_sending_once_its_lease_ran_out()
    {
        var settings = Settings();
        settings["Reminders:LeaseDuration"] = "00:00:05";
        using var dead = new CancellationTokenSource();
        var channelA = new HangingChannel(dead.Token);
        var channelB = new RecordingChannel();
        using var hostA = new DialogsHost(_first.Path, new FakeTimeProvider(Registered), settings, s => s.AddSingleton<IChannelSender>(channelA));
        using var hostB = new DialogsHost(_second.Path, new FakeTimeProvider(Registered), settings, s => s.AddSingleton<IChannelSender>(channelB));
        Seed(hostA);
        var at = hostA.Get<IReminderOutbox>().All().Where(r => r.Kind == ReminderKind.Due && r.IsDeadline).Max(r => r.DueAt).AddSeconds(1);
        hostA.Time.SetUtcNow(new DateTimeOffset(at));
        var sweepA = Task.Run(() => hostA.Get<ReminderSweep>().SweepAsync(TestContext.Token), TestContext.Token);
        await channelA.WaitForAsync(1, TestContext.Token); // every message of the claim is recorded in flight before the first leaves

        hostB.Time.SetUtcNow(new DateTimeOffset(at.AddSeconds(6)));
        await hostB.Get<ReminderSweep>().SweepAsync(TestContext.Token);
        await dead.CancelAsync();
        await sweepA;

        var rows = hostB.Get<IReminderOutbox>().All().Where(r => r.Kind == ReminderKind.Due && r.IsDeadline).ToList();
        Assert.All(rows, r => Assert.True(r.Status == ReminderStatus.Sent, $"{r.Id} is {r.Status} ({r.Outcome})"));
        var idsA = channelA.Ids.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(idsA, channelB.Sent.Select(ClientActivityId).Order(StringComparer.Ordinal));
        Assert.Equal(idsA, rows.Select(r => r.MessageId).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    /// <summary>Both hosts on one new database.</summary>
    private Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Sinergi"] = server.CreateDatabase(),
        ["Reminders:MaxMessagesPerUserPerDay"] = "100",
    };

    /// <summary>An OPD in WITA and, per fokal, a user on the test channel with a commitment whose deadline is today.</summary>
    private static void Seed(DialogsHost host)
    {
        var organisation = host.Get<IOrganisationStore>().Insert(new Organisation { Name = "Dinas Uji", ShortName = "UJI", TimeZone = IndonesianTimeZones.Wita });
        var users = host.Get<IUserStore>();
        for (var f = 0; f < Fokals; f++)
        {
            var key = TurnProcessor.UserKey("test", $"fokal{f}");
            var user = users.GetOrCreate(key, $"Fokal {f}", "id-ID");
            user.Role = Role.Fokal;
            user.OrganisationId = organisation.Id;
            users.Update(user);
            host.Get<IConversationReferenceStore>().Save(
                new ConversationReference
                {
                    ChannelId = "test",
                    ServiceUrl = "https://test.example/",
                    Conversation = new ConversationAccount { Id = $"conv-fokal{f}" },
                    User = new ChannelAccount { Id = $"fokal{f}" },
                    Bot = new ChannelAccount { Id = "bot", Name = "Sinergi" },
                    Locale = "id-ID",
                },
                key);
            host.Get<ICommitmentStore>().Register(
                new Commitment
                {
                    OrganisationId = organisation.Id,
                    Year = 2027,
                    FocusArea = FocusArea.Pencegahan,
                    Programme = Programme.SosialisasiAdvokasi,
                    Title = $"Kegiatan {f}",
                    OutputIndicator = "peserta",
                    TargetValue = 100,
                    Unit = "orang",
                    Location = "Kandangan",
                    Deadline = new DateOnly(2027, 3, 1),
                    Periods = [ReportingPeriod.B6],
                },
                user.Id);
        }
    }

    private static string? ClientActivityId(Activity activity) => activity.ChannelData?.GetProperty(ProactiveMessage.ClientActivityIdKey).GetString();

    /// <summary>A channel that takes each message and never answers: the host sending is stopped mid-send, until <paramref name="dead"/> ends the wait with a failure.</summary>
    private sealed class HangingChannel(CancellationToken dead) : IChannelSender
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string?> _ids = new();

        public IReadOnlyList<string?> Ids => [.. _ids];

        public bool CanDeliver(ConversationReference reference) => reference.ChannelId == "test";

        public async Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
        {
            _ids.Enqueue(ClientActivityId(message.Activity));
            await Task.Delay(Timeout.Infinite, dead).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw new HttpRequestException("the host died");
        }

        public async Task WaitForAsync(int count, CancellationToken cancellationToken)
        {
            while (_ids.Count < count)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }
}
