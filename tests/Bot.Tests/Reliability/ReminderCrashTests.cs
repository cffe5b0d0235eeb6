using System.Diagnostics;
using System.Text.RegularExpressions;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Reminders;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Bot.Tests.Reliability;

/// <summary>
/// kill -9 while the reminder sweep is sending, then a restart on the same data folder: no reminder due is lost,
/// and none reaches a user twice once the channel de-duplicates by the message's id. What is guaranteed, per channel:
/// <list type="bullet">
/// <item>Direct Line (our web chat, transcript in the same LiteDB): exactly once. The message is appended and its
/// rows marked sent in one transaction, so after a crash either both happened or neither did.</item>
/// <item>Bot Framework Connector channels: at least once. A message the channel accepted just before the crash (its
/// 200 never reached the bot) is sent again after the restart, but as the same message: the same rows under the same
/// <c>channelData.clientActivityID</c>, derived from the rows' outbox keys and recorded before the first send. A
/// receiver that de-duplicates by it (Web Chat does; this test's stub does) shows it once; others show it twice.</item>
/// <item>WhatsApp: at least once, like the Connector; the id travels in <c>biz_opaque_callback_data</c> (the Cloud API has no
/// idempotency key, so the user sees a repeat; <c>Host/WhatsApp/ReminderRedeliveryTests</c> checks the id).</item>
/// </list>
/// The test: 40 fokal on a Connector channel (a loopback stub) and 10 on Direct Line, each with reminders that fell
/// due while the host was down. The stub answers the first 10 messages, then accepts and records the next ones but
/// never answers, which stalls every delivery slot with a message in the crash window; a coordinator's nudge then
/// queues one more reminder per fokal, and the host is killed. A copy of the data folder taken at that moment tells
/// which rows were sent, in flight (recorded, maybe accepted) or untouched. After the restart's first sweep:
/// every row due is sent; each message id the stub saw maps to the rows marked with it, and no row to two ids;
/// repeats happen only for ids that were in flight at the kill, to the same conversation with the same reminders;
/// each Direct Line reminder is in its transcript exactly once. bench/crash-test.sh runs this in its loop.
/// </summary>
public sealed partial class ReminderCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Fokal = 50;
    private const int AnsweredBeforeTheHold = 10;
    private const int DeliverySlots = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, string> ReminderSettings = new()
    {
        ["Reminders:SweepInterval"] = "00:00:01",
        ["Reminders:QuietHoursStart"] = "00:00:00", // equal start and end: no quiet hours, whatever the wall clock
        ["Reminders:QuietHoursEnd"] = "00:00:00",
        ["Reminders:SkipSundays"] = "false",
        ["Reminders:MaxMessagesPerUserPerDay"] = "100",
        ["Reminders:DeliveryParallelism"] = DeliverySlots.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private readonly TempDirectory _data = new();
    private readonly TempDirectory _snapshot = new();

    [Fact]
    public async Task AKilledSweepLosesNoReminderAndRepeatsOnlyInFlightMessagesUnderTheirOwnId()
    {
        var token = TestContext.Token;
        var clock = Stopwatch.StartNew();
        await using var channel = await ConnectorStub.StartAsync(token);
        var directLine = Seed(channel.ServiceUrl);
        var seeded = clock.Elapsed;

        var settings = ReminderSettings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["Logging__LogLevel__Bot.Dialogs.Reminders.ReminderSweep"] = "Information"; // "Reminder sweep: …" when a sweep is done
        channel.AnswerFirst = AnsweredBeforeTheHold;
        using (var host = await HostProcess.StartAsync(_data.Path, settings, token))
        {
            // Every slot now holds a message the channel has but whose acceptance the host never hears about.
            await channel.WaitForAsync(AnsweredBeforeTheHold + DeliverySlots, Patience, token);
            var nudged = await host.SayAsync("koord-conv", "koord", "nudge-1", "ingatkan semua", channel.ServiceUrl, token);
            Assert.Contains($"ke {Fokal} fokal", nudged, StringComparison.Ordinal);
            host.Kill();
        }

        var killedAfter = clock.Elapsed;
        channel.Phase = 2;
        channel.AnswerFirst = int.MaxValue;
        var atKill = ReminderCrashState.ReadCopy(_data.Path, _snapshot.Path, directLine);
        var restartedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        using (var host = await HostProcess.StartAsync(_data.Path, settings, token))
        {
            // The first sweep after the start takes everything due and logs only after its last mark is written.
            await host.WaitForOutputAsync("Reminder sweep:", Patience, token);
            host.Kill();
        }

        var final = ReminderCrashState.Read(_data.Path, directLine);
        var deliveries = channel.Deliveries;
        AssertNothingLost(atKill, final, restartedAt);
        var repeats = AssertConnectorCopiesShareTheirIdAndRows(atKill, final, deliveries);
        var appended = AssertDirectLineHoldsEachReminderOnce(final);
        Assert.Empty(final.InFlight);

        var inFlight = atKill.InFlight.Count(m => m.Keys.Any(k => atKill.Rows[k].Status == ReminderStatus.Sending));
        output.WriteLine(
            $"reminder crash summary: {final.Rows.Values.Count(r => r.DueAt <= restartedAt)} rows due; at the kill {atKill.Rows.Values.Count(r => r.Status == ReminderStatus.Sent)} sent, " +
            $"{inFlight} messages in flight, {atKill.Rows.Values.Count(r => r.Status == ReminderStatus.Pending)} pending; " +
            $"connector deliveries {deliveries.Count(d => d.Phase == 1)} before the kill + {deliveries.Count(d => d.Phase == 2)} after, " +
            $"{deliveries.Select(d => d.ClientActivityId).Distinct().Count()} distinct ids, {repeats} repeated (same id, de-duplicated); " +
            $"direct line {appended} reminders appended, 0 twice; seeded in {seeded.TotalSeconds:F1} s, killed at {killedAfter.TotalSeconds:F1} s, done at {clock.Elapsed.TotalSeconds:F1} s");
    }

    public void Dispose()
    {
        _data.Dispose();
        _snapshot.Dispose();
    }

    /// <summary>Every row due by the restart was sent, and a row sent before the kill kept its message.</summary>
    private static void AssertNothingLost(ReminderCrashState atKill, ReminderCrashState final, DateTime restartedAt)
    {
        Assert.All(final.Rows.Values.Where(r => r.DueAt <= restartedAt), r => Assert.True(r.Status == ReminderStatus.Sent, $"{r.Id} is {r.Status} ({r.Outcome})"));
        foreach (var before in atKill.Rows.Values.Where(r => r.Status == ReminderStatus.Sent))
        {
            Assert.Equal(before.MessageId, final.Rows[before.Id].MessageId);
        }

        var fokal = final.Rows.Values.Where(r => r.Kind != ReminderKind.Nudge).Select(r => r.RecipientId).Distinct().Count();
        Assert.True(fokal >= Fokal, $"only {fokal} fokal had reminders due while the host was down");
        Assert.Equal(Fokal, final.Rows.Values.Count(r => r.Kind == ReminderKind.Nudge));
        Assert.True(atKill.InFlight.Count >= DeliverySlots, $"{atKill.InFlight.Count} messages were in flight at the kill; every held slot should have been");
    }

    /// <summary>
    /// Each id the stub saw names the rows marked with it (so no row went out under two ids), its text names their
    /// commitments, and an id seen more than once was in flight at the kill and went to the same conversation.
    /// </summary>
    /// <returns>How many deliveries repeated an id seen before.</returns>
    private static int AssertConnectorCopiesShareTheirIdAndRows(ReminderCrashState atKill, ReminderCrashState final, IReadOnlyList<StubDelivery> deliveries)
    {
        Assert.All(deliveries, d => Assert.False(string.IsNullOrEmpty(d.ClientActivityId), $"delivery {d.Number} carries no clientActivityID"));
        var rowsByMessage = final.Rows.Values.Where(r => r.MessageId is not null).ToLookup(r => r.MessageId!, StringComparer.Ordinal);
        var repeats = 0;
        foreach (var copies in deliveries.GroupBy(d => d.ClientActivityId!, StringComparer.Ordinal))
        {
            var rows = rowsByMessage[copies.Key].ToList();
            Assert.True(rows.Count > 0, $"{copies.Key} reached the channel but no row is marked with it: its reminders went out under another id too");
            Assert.All(rows, r => Assert.EndsWith("|" + copies.First().ConversationId, r.ConversationKey, StringComparison.Ordinal));
            var codes = rows.Where(r => r.CommitmentCode is not null).Select(r => r.CommitmentCode!).ToHashSet(StringComparer.Ordinal);
            foreach (var copy in copies)
            {
                Assert.Equal(copies.First().ConversationId, copy.ConversationId);
                if (rows.All(r => r.Kind != ReminderKind.Digest)) // a Monday 08:00 digest names commitments of its own
                {
                    Assert.Equal(codes, CodesIn(copy.Text));
                }
            }

            if (copies.Count() > 1)
            {
                repeats += copies.Count() - 1;
                var record = atKill.InFlight.SingleOrDefault(m => m.Id == copies.Key);
                Assert.True(record is not null, $"{copies.Key} was delivered {copies.Count()} times but was not in flight at the kill");
                Assert.All(rows, r => Assert.Contains(r.Id, record.Keys));
                Assert.All(rows, r => Assert.Equal(ReminderStatus.Sending, atKill.Rows[r.Id].Status));
            }
        }

        // Every message in flight at the kill that the channel had (its send was held) went again, under its id.
        var heldIds = deliveries.Where(d => d.Phase == 1 && d.Number > AnsweredBeforeTheHold).Select(d => d.ClientActivityId!).ToHashSet(StringComparer.Ordinal);
        Assert.All(heldIds, id => Assert.Contains(deliveries, d => d.Phase == 2 && d.ClientActivityId == id));
        return repeats;
    }

    /// <summary>Each Direct Line reminder row's message is in its transcript exactly once, and nothing else is.</summary>
    /// <returns>How many reminder messages the transcripts hold.</returns>
    private static int AssertDirectLineHoldsEachReminderOnce(ReminderCrashState final)
    {
        var appended = 0;
        foreach (var (conversationId, transcript) in final.Transcripts)
        {
            var key = ConversationKeys.For(DirectLineChannel.ChannelId, conversationId);
            var sentIds = final.Rows.Values.Where(r => r.ConversationKey == key).Select(r => r.MessageId!).ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(sentIds);
            Assert.Equal(sentIds.Order(StringComparer.Ordinal), transcript.Select(t => t.ClientActivityId).Order(StringComparer.Ordinal));
            appended += transcript.Count;
        }

        return appended;
    }

    /// <summary>Every fifth fokal uses the web chat, so the sweep meets both channels before and after the stall.</summary>
    private static bool IsOnDirectLine(int fokal) => fokal % 5 == 4;

    private static HashSet<string> CodesIn(string text) => [.. Code().Matches(text).Select(m => m.Value)];

    /// <summary>
    /// The people and commitments, written by the real services over the data folder before the host starts, on a
    /// clock twelve days back: each commitment's deadline was two days ago, so its warnings were planned then and
    /// all fell due while "the host was down".
    /// </summary>
    /// <returns>The Direct Line conversation ids.</returns>
    private List<string> Seed(string serviceUrl)
    {
        var now = TimeProvider.System.GetUtcNow();
        var today = LocalSchedule.LocalDate(now.UtcDateTime, IndonesianTimeZones.Find(IndonesianTimeZones.Wita));
        var (period, year) = ReportingOverview.CurrentPeriod(today);
        using var seed = new ReminderHost(_data.Path, new FakeTimeProvider(now.AddDays(-12)), ReminderSettings.ToDictionary(s => s.Key, s => (string?)s.Value));
        var directLine = new LiteDbDirectLineStore(seed.Get<SinergiDatabase>());
        var organisations = Enumerable.Range(0, 5).Select(o => seed.AddOrganisation($"UJI{o}", IndonesianTimeZones.Wita)).ToList();
        AddPerson(seed, "test", "koord", "koord-conv", serviceUrl, Role.Koordinator, null);

        var conversations = new List<string>();
        for (var f = 0; f < Fokal; f++)
        {
            var organisation = organisations[f % organisations.Count];
            BotUser fokal;
            if (!IsOnDirectLine(f))
            {
                fokal = AddPerson(seed, "webchat", $"fokal{f}", $"conv-fokal{f}", serviceUrl, Role.Fokal, organisation.Id);
            }
            else
            {
                var conversation = new DirectLineConversation { Id = $"dlconv{f}", UserId = $"dl_fokal{f}", Locale = "id-ID", Started = true, CreatedAt = now.UtcDateTime, LastSeenAt = now.UtcDateTime };
                directLine.Create(conversation);
                conversations.Add(conversation.Id);
                fokal = AddPerson(seed, DirectLineChannel.ChannelId, conversation.UserId, conversation.Id, DirectLineChannel.ServiceUrl, Role.Fokal, organisation.Id);
            }

            seed.Get<ICommitmentStore>().Register(
                new Commitment
                {
                    OrganisationId = organisation.Id,
                    Year = year,
                    FocusArea = FocusArea.Pencegahan,
                    Programme = Programme.SosialisasiAdvokasi,
                    Title = $"Kegiatan pengingat {f}",
                    OutputIndicator = "peserta",
                    TargetValue = 100,
                    Unit = "orang",
                    Location = "Kandangan",
                    Deadline = today.AddDays(-2),
                    Periods = [period],
                },
                fokal.Id);
        }

        return conversations;
    }

    /// <summary>A user with a role and the conversation reference a turn on that channel would have stored.</summary>
    private static BotUser AddPerson(ReminderHost seed, string channelId, string account, string conversationId, string serviceUrl, Role role, int? organisationId)
    {
        var users = seed.Get<IUserStore>();
        var key = TurnProcessor.UserKey(channelId, account);
        var user = users.GetOrCreate(key, "User " + account, "id-ID");
        user.Role = role;
        user.OrganisationId = organisationId;
        users.Update(user);
        seed.Get<IConversationReferenceStore>().Save(
            new ConversationReference
            {
                ChannelId = channelId,
                ServiceUrl = serviceUrl,
                Conversation = new ConversationAccount { Id = conversationId },
                User = new ChannelAccount { Id = account },
                Bot = channelId == DirectLineChannel.ChannelId ? DirectLineChannel.Bot : new ChannelAccount { Id = "bot", Name = "Sinergi" },
                Locale = "id-ID",
            },
            key);
        return user;
    }

    [GeneratedRegex(@"RA-\d{4}-\d+")]
    private static partial Regex Code();
}
