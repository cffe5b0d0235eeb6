using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Storage;

/// <summary>
/// What every storage adapter must do, run against each provider (<see cref="LiteDbStoreContractTests"/>,
/// <see cref="PostgresStoreContractTests"/>): round trips, version conflicts, code sequences, queries, transactions.
/// </summary>
public abstract partial class StoreContractTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly Lazy<DialogsHost> _host;

    protected StoreContractTests() => _host = new Lazy<DialogsHost>(() => new DialogsHost(_folder.Path, settings: ProviderSettings()));

    protected DialogsHost Host => _host.Value;

    /// <summary>The settings that choose the provider.</summary>
    protected abstract IDictionary<string, string?> ProviderSettings();

    public void Dispose()
    {
        if (_host.IsValueCreated)
        {
            _host.Value.Dispose();
        }

        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Users_are_found_by_account_and_role()
    {
        var users = Host.Get<IUserStore>();
        var first = users.GetOrCreate("test:ani", "Ani", "id-ID");
        Assert.Equal(first.Id, users.GetOrCreate("test:ani", "other name", null).Id);
        Assert.Equal("Ani", users.FindByAccount("test:ani")!.Name);
        Assert.Null(users.FindByAccount("test:nobody"));

        first.Role = Role.Fokal;
        first.OrganisationId = 7;
        first.Accounts.Add("whatsapp:62811");
        users.Update(first);
        var koordinator = users.CreatePerson("Budi", "Kepala", Role.Koordinator);
        users.GetOrCreate("test:warga", null, null);

        Assert.Equal(first.Id, users.FindByAccount("whatsapp:62811")!.Id);
        Assert.Equal([koordinator.Id], users.ListCoordinators().Select(u => u.Id));
        Assert.Equal(new[] { first.Id, koordinator.Id }.Order(StringComparer.Ordinal), users.ListWithRole().Select(u => u.Id).Order(StringComparer.Ordinal));
        Assert.Equal([first.Id], users.ListFokal(7).Select(u => u.Id));
        Assert.Empty(users.ListFokal(8));
        Assert.Equal(2, users.GetMany([first.Id, koordinator.Id, "U-missing", first.Id]).Count);

        users.Delete(first.Id);
        Assert.Null(users.Get(first.Id));
        Assert.Null(users.FindByAccount("test:ani"));
    }

    [Fact]
    public void A_returned_user_is_a_copy()
    {
        var users = Host.Get<IUserStore>();
        var user = users.GetOrCreate("test:copy", "Asli", null);
        user.Name = "Diubah";
        Assert.Equal("Asli", users.Get(user.Id)!.Name);
    }

    [Fact]
    public void Organisations_get_ids_are_found_by_name_and_bump_the_revision()
    {
        var organisations = Host.Get<IOrganisationStore>();
        var before = organisations.Revision;
        var dinkes = organisations.Insert(new Organisation { Name = "Dinas Kesehatan", ShortName = "Dinkes" });
        var bappeda = organisations.Insert(new Organisation { Name = "Badan Perencanaan", ShortName = "Bappeda", TimeZone = "Asia/Makassar" });
        Assert.NotEqual(dinkes.Id, bappeda.Id);
        Assert.NotEqual(before, organisations.Revision);

        Assert.Equal(dinkes.Id, organisations.FindByName("  dinkes ")!.Id);
        Assert.Equal(bappeda.Id, organisations.FindByName("BADAN PERENCANAAN")!.Id);
        Assert.Null(organisations.FindByName("Dishub"));
        Assert.Equal(["Badan Perencanaan", "Dinas Kesehatan"], organisations.ListAll().Select(o => o.Name));

        var revision = organisations.Revision;
        bappeda.Region = "Kalimantan Selatan";
        organisations.Update(bappeda);
        Assert.NotEqual(revision, organisations.Revision);
        Assert.Equal("Kalimantan Selatan", organisations.Get(bappeda.Id)!.Region);
        Assert.Equal("Asia/Makassar", organisations.Get(bappeda.Id)!.TimeZone);
    }

    [Fact]
    public void An_invite_code_enrols_as_many_people_as_it_allows_and_expires()
    {
        var invites = Host.Get<IInviteCodeStore>();
        var code = invites.Create(3, "U-koord");
        Assert.Equal(code.Id, invites.Find(code.Id.ToLowerInvariant() + " ")!.Id);
        Assert.NotNull(invites.FindValid(code.Id));

        Assert.True(invites.TryUse(code.Id, "U-a"));
        Assert.False(invites.TryUse(code.Id, "U-b"));
        Assert.Null(invites.FindValid(code.Id));
        Assert.Equal(["U-a"], invites.Find(code.Id)!.UsedBy);

        var team = invites.Create(3, "U-koord", Role.Fokal, maxUses: 2);
        Assert.True(invites.TryUse(team.Id, "U-a"));
        Assert.True(invites.TryUse(team.Id, "U-b"));
        Assert.False(invites.TryUse(team.Id, "U-c"));

        var later = invites.Create(3, "U-koord");
        Host.Time.Advance(IInviteCodeStore.Validity + TimeSpan.FromMinutes(1));
        Assert.Null(invites.FindValid(later.Id));
        Assert.False(invites.TryUse(later.Id, "U-d"));
        Assert.Null(invites.Find("X"));
        Assert.Null(invites.Find(new string('A', 21)));
    }

    [Fact]
    public void The_admin_code_is_used_once()
    {
        var codes = Host.Get<IAdminCodeStore>();
        var first = codes.IssueIfUnused()!;
        var code = codes.IssueIfUnused()!;
        Assert.False(codes.IsValid(first));
        Assert.True(codes.IsValid(code.ToLowerInvariant()));
        Assert.False(codes.TryRedeem("WRONG", "U-1"));
        Assert.True(codes.TryRedeem(code, "U-1"));
        Assert.False(codes.TryRedeem(code, "U-2"));
        Assert.False(codes.IsValid(code));
        Assert.Null(codes.IssueIfUnused());
    }

    [Fact]
    public void Retiring_the_admin_code_without_a_chat_stops_new_codes()
    {
        var codes = Host.Get<IAdminCodeStore>();
        codes.Retire("U-cli");
        Assert.Null(codes.IssueIfUnused());
    }

    [Fact]
    public void Commitment_codes_count_per_year_and_a_repeated_request_returns_the_first()
    {
        var commitments = Host.Get<ICommitmentStore>();
        var opd = Host.Get<IOrganisationStore>().Insert(new Organisation { Name = "Dinas Pendidikan", ShortName = "Disdik" });
        var a = commitments.Register(NewCommitment(opd.Id, 2027, "Sosialisasi"), "U-1", "act-1");
        var b = commitments.Register(NewCommitment(opd.Id, 2027, "Tes urine"), "U-1");
        var c = commitments.Register(NewCommitment(opd.Id, 2028, "Razia"), "U-1");
        var repeat = commitments.Register(NewCommitment(opd.Id, 2027, "Sosialisasi"), "U-1", "act-1");

        Assert.Equal(["RA-2027-001", "RA-2027-002", "RA-2028-001"], new[] { a.Code, b.Code, c.Code });
        Assert.Equal(a.Id, repeat.Id);
        Assert.Equal("RA-2027-001", repeat.Code);
        Assert.Equal(3, commitments.ListAll().Count);
        Assert.Equal(["RA-2027-001", "RA-2027-002"], commitments.ListByOrganisation(opd.Id, 2027).Select(x => x.Code));
        Assert.Equal(3, commitments.ListByOrganisation(opd.Id).Count);
        Assert.Single(commitments.ListAll(2028));
        Assert.Equal(b.Id, commitments.FindByCode(" ra-2027-002 ")!.Id);
        Assert.Null(commitments.FindByCode("RA-2027-009"));
        Assert.Equal(1, commitments.Get(a.Id)!.Version);
    }

    [Fact]
    public void A_change_makes_a_new_version_with_its_history()
    {
        var commitments = Host.Get<ICommitmentStore>();
        var registered = commitments.Register(NewCommitment(5, 2027, "Sosialisasi"), "U-1");
        var changed = commitments.Change(registered.Id, "title", x => x.Title = "Sosialisasi di SMA", x => x.Title, "U-2");

        Assert.Equal(2, changed.Version);
        Assert.Equal("Sosialisasi di SMA", commitments.Get(registered.Id)!.Title);
        var history = commitments.History(registered.Id);
        Assert.Equal([1, 2], history.Select(v => v.Version));
        Assert.Equal(("Sosialisasi", "Sosialisasi di SMA", "U-2"), (history[1].OldValue, history[1].NewValue, history[1].ChangedBy));
        Assert.Throws<InvalidOperationException>(() => commitments.Change(9_999, "title", _ => { }, x => x.Title, "U-2"));
    }

    [Fact]
    public async Task Concurrent_registrations_get_distinct_codes()
    {
        var commitments = Host.Get<ICommitmentStore>();
        var registered = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => commitments.Register(NewCommitment(1, 2027, "Kegiatan " + i), "U-" + i))));
        Assert.Equal(
            Enumerable.Range(1, 12).Select(i => $"RA-2027-{i:000}"),
            registered.Select(c => c.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reports_are_found_by_period_and_state_and_lock_when_approved()
    {
        var commitment = Host.Get<ICommitmentStore>().Register(NewCommitment(4, 2027, "Sosialisasi"), "U-1");
        var reports = Host.Get<IProgressReportStore>();
        var report = reports.Save(new ProgressReport
        {
            CommitmentId = commitment.Id,
            OrganisationId = 4,
            Period = ReportingPeriod.B6,
            RealisationValue = 12.5m,
            Narrative = "Sudah jalan",
            State = ReportState.Submitted,
            SubmittedAt = Host.Time.GetUtcNow().UtcDateTime,
        });
        Assert.NotEqual(0, report.Id);
        Assert.Equal(12.5m, reports.Find(commitment.Id, ReportingPeriod.B6)!.RealisationValue);
        Assert.Null(reports.Find(commitment.Id, ReportingPeriod.B12));
        Assert.Single(reports.ListByState(ReportState.Submitted));
        Assert.Empty(reports.ListByState(ReportState.Approved));
        Assert.Single(reports.ListByOrganisation(4));
        Assert.Single(Host.Get<IProgressReportReader>().ListByCommitment(commitment.Id));

        report.State = ReportState.Approved;
        reports.Save(report);
        report.Narrative = "diubah";
        Assert.Throws<InvalidOperationException>(() => reports.Save(report));
        Assert.Equal("Sudah jalan", reports.Get(report.Id)!.Narrative);
        Assert.Throws<InvalidOperationException>(() => reports.Save(new ProgressReport { CommitmentId = 9_999, Period = ReportingPeriod.B6 }));
        Assert.Single(reports.ListAll());
    }

    [Fact]
    public void Evidence_is_stored_once_per_content()
    {
        var evidence = Host.Get<IEvidenceStore>();
        byte[] bytes = [1, 2, 3, 4, 5];
        var (file, duplicate) = evidence.Store("../foto.jpg", "image/jpeg", bytes);
        Assert.False(duplicate);
        Assert.Equal("foto.jpg", file.FileName);
        Assert.True(evidence.Store("lain.jpg", "image/jpeg", bytes).Duplicate);
        Assert.Equal(bytes, evidence.Read(file.FileId));
        Assert.Null(evidence.Read("evidence/none"));
    }

    [Fact]
    public void Conversation_state_saves_with_a_version_check()
    {
        var states = Host.Get<IConversationStateStore>();
        var fresh = states.Load("test|c1");
        Assert.Equal(0, fresh.Version);
        fresh.Stack.Add(new DialogFrame { DialogId = "form", State = new System.Text.Json.Nodes.JsonObject { ["step"] = 2 } });
        fresh.RememberActivity("a1");
        var stale = states.Load("test|c1");
        states.Save(fresh);
        Assert.Equal(1, fresh.Version);

        var loaded = states.Load("test|c1");
        Assert.Equal(1, loaded.Version);
        Assert.Equal(2, (int)loaded.Stack.Single().State["step"]!);
        Assert.True(loaded.HasProcessed("a1"));

        Assert.Throws<ConcurrencyException>(() => states.Save(stale));
        loaded.Welcomed.Add("U-1");
        var write = states.PrepareSave(loaded);
        loaded.Welcomed.Add("U-later");
        write();
        Assert.Equal(["U-1"], states.Load("test|c1").Welcomed);
        Assert.Throws<ConcurrencyException>(() => states.Save(fresh));

        states.ClearStack("test|c1", "a2");
        var cleared = states.Load("test|c1");
        Assert.Empty(cleared.Stack);
        Assert.True(cleared.HasProcessed("a2"));
        Assert.Equal(3, cleared.Version);
    }

    [Fact]
    public async Task Of_two_concurrent_first_saves_one_wins()
    {
        var states = Host.Get<IConversationStateStore>();
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            try
            {
                states.Save(states.Load("test|race") is var s && s.Version == 0 ? s : new ConversationState { Id = "test|race" });
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })));
        Assert.Equal(1, states.Load("test|race").Version);
        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public void References_are_found_by_conversation_and_latest_per_user()
    {
        var references = Host.Get<IConversationReferenceStore>();
        references.Save(Reference("c1", "Ani"), "test:ani");
        Host.Time.Advance(TimeSpan.FromMinutes(10));
        references.Save(Reference("c2", "Ani"), "test:ani");
        Host.Time.Advance(TimeSpan.FromMinutes(10));
        references.Save(Reference("c3", "Budi"), "test:budi");

        Assert.Equal("Ani", references.FindByConversation("test", "c1")!.User!.Name);
        Assert.Null(references.FindByConversation("test", "c9"));
        Assert.Equal("c2", references.FindLatestForUser("test:ani")!.Conversation.Id);
        var latest = references.FindLatestForAccounts(["test:ani", "test:budi"]);
        Assert.Equal(("c3", "test|c3"), (latest!.Value.Reference.Conversation.Id, latest.Value.ConversationKey));
        Assert.Null(references.FindLatestForAccounts(["test:nobody"]));
        var owners = references.FindLatestForOwners(new Dictionary<string, IReadOnlyList<string>>
        {
            ["U-ani"] = ["test:ani"],
            ["U-both"] = ["test:ani", "test:budi"],
            ["U-nobody"] = ["test:nobody"],
        });
        Assert.Equal(["U-ani", "U-both"], owners.Keys.Order());
        Assert.Equal(("c2", "test|c2"), (owners["U-ani"].Reference.Conversation.Id, owners["U-ani"].ConversationKey));
        Assert.Equal(("c3", "test|c3"), (owners["U-both"].Reference.Conversation.Id, owners["U-both"].ConversationKey));
        Assert.Null(references.FindByConversation("test", "c1")!.ActivityId);
    }

    [Fact]
    public void Many_users_and_references_read_at_once_are_the_ones_read_one_by_one()
    {
        // 120 people with two accounts each: a sweep asking for most of them (LiteDB reads the whole collection then,
        // ScanOrSeek) and one asking for three (index seeks) must find exactly what reads one by one find.
        var users = Host.Get<IUserStore>();
        var references = Host.Get<IConversationReferenceStore>();
        var people = new List<BotUser>();
        for (var i = 0; i < 120; i++)
        {
            var user = users.GetOrCreate($"test:p{i}", $"P{i}", "id-ID");
            user.Accounts.Add($"whatsapp:p{i}");
            users.Update(user);
            people.Add(user);
            references.Save(Reference($"web-{i}", $"P{i}"), $"test:p{i}");
            if (i % 3 == 0)
            {
                Host.Time.Advance(TimeSpan.FromMinutes(1));
                references.Save(Reference($"wa-{i}", $"P{i}"), $"whatsapp:p{i}");
            }
        }

        users.GetOrCreate("test:other", null, null);
        foreach (var wanted in new[] { people.Take(100).ToList(), people.Skip(50).Take(3).ToList() })
        {
            var found = users.GetMany([.. wanted.Select(u => u.Id), "U-missing"]);
            Assert.Equal(wanted.Select(u => u.Id).Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
            Assert.All(wanted, u => Assert.Equal(u.Accounts, found[u.Id].Accounts));

            var latest = references.FindLatestForOwners(wanted.ToDictionary(u => u.Id, u => (IReadOnlyList<string>)u.Accounts));
            Assert.Equal(wanted.Count, latest.Count);
            Assert.All(wanted, u =>
            {
                var one = references.FindLatestForAccounts(u.Accounts)!.Value;
                Assert.Equal((one.ConversationKey, one.Reference.Conversation.Id), (latest[u.Id].ConversationKey, latest[u.Id].Reference.Conversation.Id));
            });
        }
    }

    [Fact]
    public void Form_drafts_are_kept_per_person_latest_first()
    {
        var drafts = Host.Get<IFormDraftStore>();
        Assert.False(drafts.HasAny("U-1"));
        var first = new FormDraft { UserId = "U-1", FormId = "commitment", Title = "rencana aksi", UpdatedAt = Host.Time.GetUtcNow().UtcDateTime };
        var save = drafts.PrepareSave(first);
        first.Title = "changed after prepare";
        save();
        drafts.PrepareSave(new FormDraft { UserId = "U-1", FormId = "report", Title = "laporan", UpdatedAt = Host.Time.GetUtcNow().UtcDateTime.AddMinutes(5) })();
        drafts.PrepareSave(new FormDraft { UserId = "U-2", FormId = "report", Title = "lain" })();

        Assert.True(drafts.HasAny("U-1"));
        Assert.Equal("rencana aksi", drafts.Find("U-1", "commitment")!.Title);
        Assert.Equal(["report", "commitment"], drafts.ListFor("U-1").Select(d => d.FormId));
        drafts.PrepareDelete("U-1", "report")();
        drafts.PrepareDelete("U-1", "commitment")();
        Assert.False(drafts.HasAny("U-1"));
        Assert.True(drafts.HasAny("U-2"));
    }

    [Fact]
    public void A_transaction_that_throws_keeps_nothing()
    {
        var transactions = Host.Get<IStorageTransactions>();
        var users = Host.Get<IUserStore>();
        var organisations = Host.Get<IOrganisationStore>();
        Assert.Throws<InvalidOperationException>(() => transactions.Run(() =>
        {
            users.GetOrCreate("test:rolled-back", "Ani", null);
            organisations.Insert(new Organisation { Name = "Rolled back" });
            throw new InvalidOperationException("boom");
        }));
        Assert.Null(users.FindByAccount("test:rolled-back"));
        Assert.Null(organisations.FindByName("Rolled back"));

        var id = transactions.Run(() => transactions.Run(() => users.GetOrCreate("test:kept", "Budi", null).Id));
        Assert.Equal(id, users.FindByAccount("test:kept")!.Id);
    }

    [Fact]
    public async Task The_group_committer_runs_a_turn_s_writes_together()
    {
        var states = Host.Get<IConversationStateStore>();
        var drafts = Host.Get<IFormDraftStore>();
        var committer = Host.Get<IGroupCommitter>();
        var state = states.Load("test|turn");
        var saveState = states.PrepareSave(state);
        var saveDraft = drafts.PrepareSave(new FormDraft { UserId = "U-turn", FormId = "f" });
        await committer.CommitAsync(() => { saveState(); saveDraft(); }, CancellationToken.None);
        Assert.Equal(1, states.Load("test|turn").Version);
        Assert.Equal(1, state.Version);
        Assert.True(drafts.HasAny("U-turn"));

        var stale = states.Load("test|turn");
        stale.Version = 0;
        var failing = states.PrepareSave(stale);
        var lostDraft = drafts.PrepareSave(new FormDraft { UserId = "U-lost", FormId = "f" });
        await Assert.ThrowsAsync<ConcurrencyException>(() => committer.CommitAsync(() => { lostDraft(); failing(); }, CancellationToken.None));
        Assert.False(drafts.HasAny("U-lost"));
    }

    private static Commitment NewCommitment(int organisationId, int year, string title) => new()
    {
        OrganisationId = organisationId,
        Year = year,
        Title = title,
        Deadline = ReportingPeriods.EndOf(ReportingPeriod.B12, year),
        Periods = [ReportingPeriod.B6, ReportingPeriod.B12],
        TargetValue = 100,
        Unit = "orang",
    };

    private static ConversationReference Reference(string conversationId, string name) => new()
    {
        ChannelId = "test",
        ActivityId = "act-" + conversationId,
        Conversation = new ConversationAccount { Id = conversationId },
        User = new ChannelAccount { Id = name.ToLowerInvariant(), Name = name },
    };
}

/// <summary>The store contract on LiteDB files in a temporary folder.</summary>
public sealed class LiteDbStoreContractTests : StoreContractTests
{
    protected override IDictionary<string, string?> ProviderSettings() => new Dictionary<string, string?>();
}

/// <summary>The store contract on the tests' private PostgreSQL server, a fresh database per test.</summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresStoreContractTests(PostgresServer server) : StoreContractTests
{
    private readonly string _connectionString = server.CreateDatabase();

    [Fact]
    public void The_ports_run_on_the_migrated_postgres_database()
    {
        Assert.IsType<Bot.Host.Storage.Postgres.PostgresConversationStateStore>(Host.Get<IConversationStateStore>());
        Assert.IsType<Bot.Host.Storage.Postgres.PostgresStorageTransactions>(Host.Get<IStorageTransactions>());
        Host.Get<IUserStore>().GetOrCreate("test:in-postgres", "Ani", null);
        using var connection = new Npgsql.NpgsqlConnection(_connectionString);
        connection.Open();
        using var users = new Npgsql.NpgsqlCommand("select count(*) from users where doc -> 'Accounts' ? 'test:in-postgres'", connection);
        Assert.Equal(1L, users.ExecuteScalar());
        using var scripts = new Npgsql.NpgsqlCommand("select count(*) from schemaversions", connection);
        Assert.Equal((long)Directory.GetFiles(MigrationsFolder(), "*.sql").Length, scripts.ExecuteScalar());
    }

    protected override IDictionary<string, string?> ProviderSettings() => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Sinergi"] = _connectionString,
    };

    private static string MigrationsFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "Bot.Host", "Storage", "Postgres", "Migrations"));
}
