using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.WhatsApp;
using Bot.Host.Storage.Postgres;
using Bot.Tests.Support;

namespace Bot.Tests.Storage;

/// <summary>
/// What the PostgreSQL stores guarantee beyond the common contract, because several hosts share them: an inbox
/// conversation is worked by one host at a time, a Direct Line watermark never moves back, a log place is taken once.
/// Two store instances on one database stand for two hosts.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresSharedStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();
    private readonly Lazy<DialogsHost> _host;

    public PostgresSharedStoreTests(PostgresServer server)
    {
        var connectionString = server.CreateDatabase();
        _host = new(() => new DialogsHost(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Sinergi"] = connectionString,
        }));
    }

    private DialogsHost Host => _host.Value;

    [Fact]
    public void Only_the_host_holding_an_inbox_conversation_s_claim_works_it_until_the_lease_runs_out()
    {
        var hostA = Host.Get<IWhatsAppInbox>();
        var hostB = new PostgresWhatsAppInbox(Host.Get<PostgresDatabase>());
        hostA.TryEnqueue(Message("wamid.1"), Now);
        hostB.TryEnqueue(Message("wamid.2"), Now);
        Assert.False(hostB.TryEnqueue(Message("wamid.1"), Now));

        var taken = hostA.NextPending("pn1:62811", Now)!;
        Assert.Equal("wamid.1", taken.Id);
        Assert.Null(hostB.NextPending("pn1:62811", Now));
        var (ready, next) = hostB.ReadyConversations(Now.AddSeconds(10), TimeSpan.FromSeconds(1));
        Assert.Empty(ready);
        Assert.Equal(Now + PostgresWhatsAppInbox.Lease, next);

        hostA.MarkDone(taken, Now.AddSeconds(1));
        Assert.Equal("wamid.2", hostA.NextPending("pn1:62811", Now.AddSeconds(1))!.Id);

        // Host A died mid-turn: once its lease ran out, host B takes the row again.
        var later = Now.AddSeconds(1) + PostgresWhatsAppInbox.Lease;
        Assert.Equal(["pn1:62811"], hostB.ReadyConversations(later, TimeSpan.FromSeconds(1)).Ready);
        Assert.Equal("wamid.2", hostB.NextPending("pn1:62811", later)!.Id);
        Assert.Null(hostA.NextPending("pn1:62811", later));
    }

    [Fact]
    public void A_released_claim_is_free_for_any_host()
    {
        var hostA = Host.Get<IWhatsAppInbox>();
        var hostB = new PostgresWhatsAppInbox(Host.Get<PostgresDatabase>());
        hostA.TryEnqueue(Message("wamid.1"), Now);
        var row = hostA.NextPending("pn1:62811", Now)!;
        hostA.MarkDone(row, Now);
        Assert.Null(hostA.NextPending("pn1:62811", Now));

        hostB.TryEnqueue(Message("wamid.2"), Now.AddSeconds(1));
        Assert.Equal("wamid.2", hostB.NextPending("pn1:62811", Now.AddSeconds(1))!.Id);
    }

    [Fact]
    public void A_stopping_host_releases_its_claims()
    {
        var hostB = new PostgresWhatsAppInbox(Host.Get<PostgresDatabase>());
        using (var hostA = new PostgresWhatsAppInbox(Host.Get<PostgresDatabase>()))
        {
            hostA.TryEnqueue(Message("wamid.1"), Now);
            Assert.Equal("wamid.1", hostA.NextPending("pn1:62811", Now)!.Id);
            Assert.Null(hostB.NextPending("pn1:62811", Now));
        }

        Assert.Equal("wamid.1", hostB.NextPending("pn1:62811", Now.AddSeconds(1))!.Id);
    }

    [Fact]
    public async Task Of_many_hosts_claiming_one_conversation_at_once_exactly_one_gets_the_row()
    {
        var database = Host.Get<PostgresDatabase>();
        var hosts = Enumerable.Range(0, 8).Select(_ => new PostgresWhatsAppInbox(database)).ToList();
        hosts[0].TryEnqueue(Message("wamid.race"), Now);
        using var start = new Barrier(hosts.Count);
        var rows = await Task.WhenAll(hosts.Select(host => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return host.NextPending("pn1:62811", Now)?.Id;
            },
            TaskCreationOptions.LongRunning)));
        Assert.Equal(["wamid.race"], rows.OfType<string>());
    }

    [Fact]
    public void A_direct_line_record_written_from_an_older_read_does_not_take_the_watermark_back()
    {
        var store = Host.Get<IDirectLineStore>();
        store.Create(new DirectLineConversation { Id = "dl-w", UserId = "U", CreatedAt = Now.UtcDateTime, LastSeenAt = Now.UtcDateTime });
        var stale = store.Find("dl-w")!;
        var current = store.Find("dl-w")!;
        current.NextSequence = 2;
        current.LastTimestamp = Now.UtcDateTime;
        store.Append(current, [Entry("dl-w", 0), Entry("dl-w", 1)]);

        stale.Started = true;
        store.Update(stale);

        var found = store.Find("dl-w")!;
        Assert.True(found.Started);
        Assert.Equal(2, found.NextSequence);
        Assert.Equal(Now.UtcDateTime, found.LastTimestamp);
    }

    [Fact]
    public void A_direct_line_log_place_is_taken_once()
    {
        var store = Host.Get<IDirectLineStore>();
        store.Create(new DirectLineConversation { Id = "dl-p", UserId = "U", CreatedAt = Now.UtcDateTime, LastSeenAt = Now.UtcDateTime });
        var first = store.Find("dl-p")!;
        var second = store.Find("dl-p")!;
        first.NextSequence = 1;
        second.NextSequence = 1;
        store.Append(first, [Entry("dl-p", 0)]);
        Assert.Throws<StorageConflictException>(() => store.Append(second, [new DirectLineLogEntry { Id = "dl-p|other", ConversationId = "dl-p", Sequence = 0, Json = "{}" }]));
        Assert.Equal(["dl-p|0"], store.ReadFrom("dl-p", 0).Select(e => e.Id));
    }

    [Fact]
    public async Task A_registration_not_yet_committed_does_not_hold_up_the_next_one_s_code()
    {
        var database = Host.Get<PostgresDatabase>();
        var commitments = Host.Get<ICommitmentStore>();
        using var firstHasItsCode = new ManualResetEventSlim();
        using var secondDone = new ManualResetEventSlim();
        var first = Task.Factory.StartNew(
            () => database.Transactions.Run(() =>
            {
                var registered = commitments.Register(NewCommitment("Sosialisasi"), "U-1");
                firstHasItsCode.Set();
                secondDone.Wait(TimeSpan.FromSeconds(10)); // the registering turn goes on: its reminder plan, its state
                return registered.Code;
            }),
            TaskCreationOptions.LongRunning);
        Assert.True(firstHasItsCode.Wait(TimeSpan.FromSeconds(30)));
        var second = Task.Factory.StartNew(
            () =>
            {
                var code = commitments.Register(NewCommitment("Tes urine"), "U-2").Code;
                secondDone.Set();
                return code;
            },
            TaskCreationOptions.LongRunning);

        Assert.True(secondDone.Wait(TimeSpan.FromSeconds(5)), "the second registration waited for the first to commit");
        Assert.Equal(["RA-2027-001", "RA-2027-002"], (await Task.WhenAll(first, second)).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        if (_host.IsValueCreated)
        {
            _host.Value.Dispose();
        }

        _folder.Dispose();
    }

    private static InboundMessage Message(string wamid) => new(wamid, "62811", "pn1", null, Now, "text", "{}");

    private static DirectLineLogEntry Entry(string conversationId, int sequence) =>
        new() { Id = conversationId + "|" + sequence, ConversationId = conversationId, Sequence = sequence, Json = "{}" };

    private static Commitment NewCommitment(string title) => new()
    {
        OrganisationId = 1,
        Year = 2027,
        Title = title,
        Deadline = new DateOnly(2027, 12, 31),
        TargetValue = 100,
        Unit = "orang",
    };
}
