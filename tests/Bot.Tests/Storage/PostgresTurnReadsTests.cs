using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Notifications;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.Postgres;
using Bot.Tests.Support;
using Dapper;
using Npgsql;

namespace Bot.Tests.Storage;

/// <summary>
/// What the PostgreSQL adapter does to make a turn cheap for the database: inside a turn's unit of work the sender's
/// read brings along what the turn asks next (their form drafts, whether notices wait, their OPD, the OPDs'
/// revision) and the stores answer from it until they write; and Npgsql prepares the statements a connection repeats.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresTurnReadsTests : IDisposable
{
    private const string Account = "test|u-reads";
    private readonly TempDirectory _folder = new();
    private readonly string _connectionString;
    private readonly DialogsHost _host;

    public PostgresTurnReadsTests(PostgresServer server)
    {
        _connectionString = server.CreateDatabase();
        _host = new DialogsHost(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Sinergi"] = _connectionString,
        });
    }

    [Fact]
    public async Task In_a_turn_the_sender_s_read_answers_the_turn_s_next_questions_until_a_store_writes()
    {
        var users = _host.Get<IUserStore>();
        var organisations = _host.Get<IOrganisationStore>();
        var drafts = _host.Get<IFormDraftStore>();
        var notices = _host.Get<INotificationStore>();
        var opd = organisations.Insert(new Organisation { Name = "Dinas Kesehatan", ShortName = "Dinkes" });
        var user = users.GetOrCreate(Account, "Sari", "id-ID");
        user.OrganisationId = opd.Id;
        users.Update(user);
        drafts.PrepareSave(new FormDraft { UserId = user.Id, FormId = "commitment", Title = "rencana aksi" })();
        var revision = organisations.Revision;

        using (var unit = _host.Get<IUnitOfWorkFactory>().Begin())
        {
            Assert.Equal(user.Id, users.FindByAccount(Account)!.Id);

            // Another host changes those rows now: the turn keeps what came with the sender (one read, as two
            // reads a moment apart would have seen it), and each call still gets an object of its own.
            Elsewhere(
                "delete from form_drafts",
                "update organisations set doc = jsonb_set(doc, '{Name}', '\"Dinas Lain\"')",
                "select nextval('organisations_revision')",
                $"insert into notifications (id, doc) values (99, '{{\"Id\": 99, \"UserId\": \"{user.Id}\", \"Text\": \"hai\"}}')");
            Assert.True(drafts.HasAny(user.Id));
            Assert.Equal("rencana aksi", drafts.Find(user.Id, "commitment")!.Title);
            Assert.False(notices.HasPending(user.Id));
            Assert.Equal(revision, organisations.Revision);
            var kept = organisations.Get(opd.Id)!;
            Assert.Equal("Dinas Kesehatan", kept.Name);
            kept.Name = "changed by the caller";
            Assert.Equal("Dinas Kesehatan", organisations.Get(opd.Id)!.Name);

            // A write through a store drops what the turn kept of those rows.
            notices.Insert(new Notice { UserId = user.Id, Text = "laporan dikembalikan" });
            Assert.True(notices.HasPending(user.Id));
            var renamed = organisations.Get(opd.Id)!;
            renamed.ShortName = "Dinkes Baru";
            organisations.Update(renamed);
            Assert.Equal("Dinkes Baru", organisations.Get(opd.Id)!.ShortName);
            Assert.True(organisations.Revision > revision);
            await unit.CommitAsync(null, TestContext.Token);
        }

        // Outside a turn every call reads.
        Assert.False(drafts.HasAny(user.Id));
        Assert.True(notices.HasPending(user.Id));
        Assert.Equal("Dinkes Baru", organisations.Get(opd.Id)!.ShortName);
    }

    [Fact]
    public void A_sender_without_an_OPD_or_drafts_is_read_in_a_turn_as_outside_one()
    {
        var users = _host.Get<IUserStore>();
        var user = users.GetOrCreate(Account, "Budi", "id-ID");
        using var unit = _host.Get<IUnitOfWorkFactory>().Begin();
        var found = users.FindByAccount(Account)!;
        Assert.Equal(user.Id, found.Id);
        Assert.Equal("Budi", found.Name);
        Assert.Null(found.OrganisationId);
        Assert.Null(users.FindByAccount("test|nobody"));
        Assert.False(_host.Get<IFormDraftStore>().HasAny(user.Id));
        Assert.Empty(_host.Get<IFormDraftStore>().ListFor(user.Id));
        Assert.False(_host.Get<INotificationStore>().HasPending(user.Id));
    }

    [Fact]
    public void The_conversation_s_lock_brings_its_last_sender_s_read_until_a_store_writes()
    {
        var users = _host.Get<IUserStore>();
        var states = _host.Get<IConversationStateStore>();
        var user = users.GetOrCreate(Account, "Sari", "id-ID");
        _host.Get<IConversationReferenceStore>().Save(Reference("c-1"), Account);
        var key = ConversationKeys.For("test", "c-1");

        using (_host.Get<IUnitOfWorkFactory>().Begin())
        {
            states.Load(key);

            // Renamed on another host after the lock: the turn's sender is the one read with the lock.
            Elsewhere("update users set doc = jsonb_set(doc, '{Name}', '\"Sari Dewi\"')");
            Assert.Equal("Sari", users.FindByAccount(Account)!.Name);

            // That read answers once; the next call reads again.
            Assert.Equal("Sari Dewi", users.FindByAccount(Account)!.Name);
        }

        using (_host.Get<IUnitOfWorkFactory>().Begin())
        {
            states.Load(key);
            Elsewhere("update users set doc = jsonb_set(doc, '{Name}', '\"Sari Lestari\"')");

            // A write through any store before the sender is asked for drops the early read.
            _host.Get<INotificationStore>().Insert(new Notice { UserId = user.Id, Text = "laporan dikembalikan" });
            var found = users.FindByAccount(Account)!;
            Assert.Equal("Sari Lestari", found.Name);
            Assert.True(_host.Get<INotificationStore>().HasPending(user.Id));
        }

        using (_host.Get<IUnitOfWorkFactory>().Begin())
        {
            // Another account (a group member, say) is read as before.
            states.Load(key);
            Assert.Null(users.FindByAccount("test|someone-else"));
            Assert.Equal(user.Id, users.FindByAccount(Account)!.Id);
        }
    }

    [Fact]
    public void A_turn_writes_its_reference_only_when_the_stored_row_is_not_already_it()
    {
        var references = _host.Get<IConversationReferenceStore>();
        var states = _host.Get<IConversationStateStore>();
        references.Save(Reference("c-1"), Account);
        var key = ConversationKeys.For("test", "c-1");

        Action? Prepare(ConversationReference reference, string account)
        {
            using var unit = _host.Get<IUnitOfWorkFactory>().Begin();
            states.Load(key);
            return references.PrepareSave(reference, account);
        }

        Assert.Null(Prepare(Reference("c-1"), Account));
        Assert.NotNull(Prepare(Reference("c-1") with { ServiceUrl = "https://other.example/" }, Account));
        Assert.NotNull(Prepare(Reference("c-1"), "test|u-other"));

        // The user spoke in another conversation since: this one must become the latest again.
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        references.Save(Reference("c-2"), Account);
        Assert.NotNull(Prepare(Reference("c-1"), Account));
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        references.Save(Reference("c-1"), Account);
        Assert.Null(Prepare(Reference("c-1"), Account));

        // Written more than five minutes ago: the row's time moves on.
        Elsewhere("update conversation_references set updated_at = updated_at - interval '6 minutes'");
        Assert.NotNull(Prepare(Reference("c-1"), Account));

        // Outside a turn, and in a turn that did not read the row, a save always writes.
        Assert.NotNull(references.PrepareSave(Reference("c-1"), Account));
        using (_host.Get<IUnitOfWorkFactory>().Begin())
        {
            Assert.NotNull(references.PrepareSave(Reference("c-1"), Account));
        }

        Assert.Equal("c-1", references.FindLatestForUser(Account)!.Conversation.Id);
    }

    [Fact]
    public async Task A_turn_s_writes_go_with_its_commit_and_a_state_saved_elsewhere_stops_them_all()
    {
        var states = _host.Get<IConversationStateStore>();
        var drafts = _host.Get<IFormDraftStore>();
        var units = _host.Get<IUnitOfWorkFactory>();
        const string key = "test|c-commit";
        states.Save(states.Load(key));

        using (var unit = units.Begin())
        {
            var state = states.Load(key);
            Elsewhere($"update conversation_states set version = version + 1 where id = '{key}'");
            var saveDraft = drafts.PrepareSave(new FormDraft { UserId = "U-stale", FormId = "f" });
            var saveState = states.PrepareSave(state);
            var failure = await Assert.ThrowsAsync<ConcurrencyException>(() => unit.CommitAsync(() => { saveDraft(); saveState(); }, TestContext.Token));
            Assert.Contains("expected version 1, found 2", failure.Message, StringComparison.Ordinal);
        }

        Assert.False(drafts.HasAny("U-stale"));
        using (var unit = units.Begin())
        {
            var state = states.Load(key);
            Assert.Equal(2, state.Version);
            var saveDraft = drafts.PrepareSave(new FormDraft { UserId = "U-kept", FormId = "f" });
            var saveState = states.PrepareSave(state);
            await unit.CommitAsync(() => { saveDraft(); saveState(); }, TestContext.Token);
            Assert.Equal(3, state.Version);
        }

        Assert.True(drafts.HasAny("U-kept"));
        Assert.Equal(3, states.Load(key).Version);
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        Assert.Equal(0L, connection.ExecuteScalar<long>("select count(*) from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'"));
    }

    [Fact]
    public void The_pool_prepares_a_repeated_statement_unless_the_connection_string_says_otherwise()
    {
        Assert.True(PreparedAfterRepeats(_connectionString) > 0);
        Assert.Equal(0, PreparedAfterRepeats(_connectionString + ";Max Auto Prepare=0"));
    }

    [Fact]
    public void The_sender_read_keeps_to_the_indexes_once_prepared()
    {
        // After five runs of a prepared statement PostgreSQL plans it once for every value (a generic plan) when that
        // plan's estimate is no worse than the plans for each value: written as "where accounts @> … order by id
        // limit 1", the generic plan walked the primary key and was taken, since without the value PostgreSQL guesses
        // many matching users and expects to stop early.
        Elsewhere(
            "insert into users select 'U-' || i, jsonb_build_object('Id', 'U-' || i, 'Accounts', jsonb_build_array('test|a' || i)) from generate_series(1, 3000) i",
            "insert into notifications select i, jsonb_build_object('Id', i, 'UserId', 'U-' || i) from generate_series(1, 300) i",
            "analyze users, notifications");
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        connection.Execute("prepare sender(text) as " + PostgresUserStore.SenderWithTurnReads.Replace("@account", "$1", StringComparison.Ordinal));
        for (var i = 1; i <= 8; i++)
        {
            connection.Query<string>($"execute sender('test|a{i}')").AsList();
        }

        var plan = string.Join("\n", connection.Query<string>("explain execute sender('test|a7')"));

        Assert.True(plan.Contains("users_accounts", StringComparison.Ordinal), plan);
        Assert.False(plan.Contains("users_pkey", StringComparison.Ordinal), plan);
        Assert.False(plan.Contains("Seq Scan on users", StringComparison.Ordinal), plan);
        Assert.False(plan.Contains("Seq Scan on notifications", StringComparison.Ordinal), plan);
        Assert.False(plan.Contains("Recheck Cond: ((doc ->> 'DeliveredAt'::text) IS NULL)", StringComparison.Ordinal), plan);
    }

    public void Dispose()
    {
        _host.Dispose();
        _folder.Dispose();
    }

    private static ConversationReference Reference(string conversationId) => new()
    {
        ChannelId = "test",
        ServiceUrl = "https://test.example/",
        Conversation = new ConversationAccount { Id = conversationId },
        User = new ChannelAccount { Id = "u-reads" },
        Bot = new ChannelAccount { Id = "bot" },
    };

    private static long PreparedAfterRepeats(string connectionString)
    {
        using var dataSource = PostgresDatabase.CreateDataSource(connectionString + ";Maximum Pool Size=1");
        using var connection = dataSource.OpenConnection();
        for (var i = 0; i < 3; i++)
        {
            connection.ExecuteScalar<int>("select count(*) from users where id = @id", new { id = "U-" + i });
        }

        return connection.ExecuteScalar<long>("select count(*) from pg_prepared_statements where statement like '%from users where id%'");
    }

    private void Elsewhere(params string[] statements)
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        foreach (var statement in statements)
        {
            connection.Execute(statement);
        }
    }
}
