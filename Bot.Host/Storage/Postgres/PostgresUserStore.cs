using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>Users and their channel accounts (<c>users</c>, accounts indexed with GIN). No cache: every host reads the same rows.</summary>
internal sealed class PostgresUserStore(PostgresDatabase database, TimeProvider time) : IUserStore
{
    /// <summary>
    /// The user with the account <c>@account</c> (the first by id, should there be two), as a materialised CTE
    /// <c>sender (id, doc)</c>: the accounts' GIN index finds the rows before they are ordered. Written as
    /// <c>where … order by id limit 1</c>, a prepared (generic) plan walked the whole primary key instead.
    /// </summary>
    private const string Sender =
        """
        with found as materialized (select id, doc from users where doc -> 'Accounts' @> jsonb_build_array(@account::text)),
            sender as materialized (select id, doc from found order by id limit 1)
        """;

    /// <summary>
    /// What every turn asks right after the sender, as columns over <c>sender s</c>: their form drafts (as
    /// <see cref="PostgresFormDraftStore"/> reads them), whether they have pending notices, their OPD and the OPDs'
    /// revision. Each subquery takes the sender's id as a value (an init plan), so it uses its table's index on it.
    /// </summary>
    private const string TurnReads =
        $"""
        s.doc::text as UserJson,
            array(select d.doc::text from form_drafts d where d.doc ->> 'UserId' = (select id from sender) order by (d.doc ->> 'UpdatedAt')::timestamptz desc) as Drafts,
            exists (select 1 from notifications n where n.doc ->> 'UserId' = (select id from sender) and n.{PostgresNotificationStore.Pending}) as NoticesPending,
            (select o.doc::text from organisations o where o.id = (select (doc ->> 'OrganisationId')::integer from sender)) as OrganisationJson,
            ({PostgresOrganisationStore.ReadRevision}) as OrganisationsRevision
        """;

    /// <summary>
    /// The sender with what the turn asks next (<see cref="TurnReads"/>); also sent in the turn's first command, with
    /// the conversation's lock, for the account that spoke last in it (<see cref="PostgresConversationStateStore"/>).
    /// </summary>
    internal const string SenderWithTurnReads = $"{Sender} select {TurnReads} from sender s";

    private readonly DocumentTable<BotUser> _users = new(database, "users");

    public BotUser GetOrCreate(string accountKey, string? name, string? locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        if (FindByAccount(accountKey) is { } known)
        {
            return known;
        }

        return database.Transactions.Run(() =>
        {
            // Two first messages of one account on two hosts at once: the lock makes the second find the first's user.
            database.Use((c, t) => Dapper.SqlMapper.ExecuteScalar(c, "select pg_advisory_xact_lock(hashtext(@accountKey))", new { accountKey }, t));
            if (FindByAccount(accountKey) is { } existing)
            {
                return existing;
            }

            var user = BotUser.ForAccount(accountKey, name, locale, time.GetUtcNow().UtcDateTime);
            database.Transactions.Forget(KeyOf(user.Id));
            _users.Insert(user.Id, user);
            return user;
        });
    }

    public BotUser? FindByAccount(string accountKey)
    {
        if (!database.Transactions.InUnit)
        {
            return database.Use((c, t) => Dapper.SqlMapper.QueryFirstOrDefault<string>(c, Sender + " select doc::text from sender", new { account = accountKey }, t))
                is { } json ? DocumentTable<BotUser>.Deserialise(json) : null;
        }

        // In a turn, the sender comes with what the turn asks next about them, in one statement (one round trip
        // instead of five), or came already with the conversation's lock: kept for the rest of the turn by the stores
        // that own those rows.
        var row = database.Transactions.Take<SenderRow>(PrefetchedAs(accountKey))
            ?? database.Use((c, t) => Dapper.SqlMapper.QueryFirstOrDefault<SenderRow>(c, SenderWithTurnReads, new { account = accountKey }, t));
        if (row is null || row == SenderRow.None)
        {
            return null;
        }

        var user = DocumentTable<BotUser>.Deserialise(row.UserJson);
        database.Transactions.Know(PostgresFormDraftStore.RememberedAs(user.Id), (IReadOnlyList<string>)row.Drafts);
        database.Transactions.Know(PostgresNotificationStore.PendingOf(user.Id), row.NoticesPending);
        database.Transactions.Know(PostgresOrganisationStore.RevisionKey, row.OrganisationsRevision);
        if (user.OrganisationId is { } organisationId)
        {
            database.Transactions.Know(PostgresOrganisationStore.KeyOf(organisationId), row.OrganisationJson ?? string.Empty);
        }

        return user;
    }

    public BotUser? Get(string id) => _users.Get(id);

    public void Update(BotUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        database.Transactions.Forget(KeyOf(user.Id));
        _users.Update(user.Id, user);
    }

    public void Delete(string id)
    {
        database.Transactions.Forget(KeyOf(id));
        _users.Delete(id);
    }

    public IReadOnlyList<BotUser> ListCoordinators() => _users.Where("doc ->> 'Role' = @role", new { role = nameof(Role.Koordinator) });

    public IReadOnlyList<BotUser> ListWithRole() => _users.Where("doc ->> 'Role' <> @role", new { role = nameof(Role.Warga) });

    public IReadOnlyDictionary<string, BotUser> GetMany(IEnumerable<string> ids)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToArray();
        return _users.Where("id = any(@wanted)", new { wanted }).ToDictionary(u => u.Id, StringComparer.Ordinal);
    }

    public BotUser CreatePerson(string name, string? jobTitle, Role role)
    {
        var user = BotUser.Person(name, jobTitle, role, time.GetUtcNow().UtcDateTime);
        database.Transactions.Forget(KeyOf(user.Id));
        _users.Insert(user.Id, user);
        return user;
    }

    public IReadOnlyList<BotUser> ListFokal(int organisationId) =>
        _users.Where("doc ->> 'Role' = @role and (doc ->> 'OrganisationId')::integer = @organisationId", new { role = nameof(Role.Fokal), organisationId });

    /// <summary>The key a turn keeps the sender read with its conversation's lock under (a <see cref="SenderRow"/>, until any store writes).</summary>
    internal static string PrefetchedAs(string accountKey) => "sender|" + accountKey;

    /// <summary>A user's key for <see cref="PostgresTransaction.Forget"/>: nothing is kept under it, but writing a user drops the sender read early.</summary>
    private static string KeyOf(string userId) => "users|" + userId;
}

/// <summary>A row of <see cref="PostgresUserStore.SenderWithTurnReads"/>.</summary>
internal sealed class SenderRow
{
    /// <summary>What the turn keeps when the read found no user with the account.</summary>
    public static readonly SenderRow None = new();

    public string UserJson { get; set; } = string.Empty;
    public string[] Drafts { get; set; } = [];
    public bool NoticesPending { get; set; }
    public string? OrganisationJson { get; set; }
    public long OrganisationsRevision { get; set; }
}
