using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The reminder outbox: one row per key, with the columns the sweep and the planner query (wake time as UTC ticks,
/// status, commitment, recipient) beside the document.
/// </summary>
internal sealed class PostgresReminderOutbox(PostgresDatabase database) : IReminderOutbox
{
    private const string Columns = "id, commitment_id, recipient_id, wake_at, status, doc";
    private const string Values = "@Id, @CommitmentId, @RecipientId, @WakeAt, @Status, @Json::jsonb";

    private readonly DocumentTable<ReminderItem> _items = new(database, "reminder_outbox");

    public ReminderItem? Get(string key) => _items.Get(key);

    public bool TryAdd(ReminderItem item) => database.Use((c, t) =>
        c.Execute($"insert into reminder_outbox ({Columns}) values ({Values}) on conflict (id) do nothing", Row(item), t) == 1);

    public void Update(ReminderItem item) => database.Use((c, t) => c.Execute(
        "update reminder_outbox set commitment_id = @CommitmentId, recipient_id = @RecipientId, wake_at = @WakeAt, status = @Status, doc = @Json::jsonb where id = @Id",
        Row(item),
        t));

    public void Update(IEnumerable<ReminderItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        database.Transactions.Run(() =>
        {
            foreach (var item in items)
            {
                Update(item);
            }
        });
    }

    /// <summary>Inserts every row; a key used before throws and nothing of the call is kept.</summary>
    public int InsertBulk(IEnumerable<ReminderItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rows = items.Select(Row).ToList();
        return database.Transactions.Run(() =>
            database.Use((c, t) => c.Execute($"insert into reminder_outbox ({Columns}) values ({Values})", rows, t)));
    }

    /// <summary>One statement for all the rows (arrays unnested); a key a concurrent writer used meanwhile is skipped.</summary>
    public int AddNew(IReadOnlyList<ReminderItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return 0;
        }

        var rows = new
        {
            Ids = items.Select(i => i.Id).ToArray(),
            CommitmentIds = items.Select(i => i.CommitmentId).ToArray(),
            RecipientIds = items.Select(i => i.RecipientId).ToArray(),
            WakeAts = items.Select(i => i.WakeAt.Ticks).ToArray(),
            Statuses = items.Select(i => i.Status.ToString()).ToArray(),
            Docs = items.Select(DocumentTable<ReminderItem>.Serialise).ToArray(),
        };
        return database.Use((c, t) => c.Execute(
            $"insert into reminder_outbox ({Columns}) select i, c, r, w, s, d::jsonb " +
            "from unnest(@Ids, @CommitmentIds, @RecipientIds, @WakeAts, @Statuses, @Docs) as t(i, c, r, w, s, d) on conflict (id) do nothing",
            rows,
            t));
    }

    public bool Delete(string key) => _items.Delete(key);

    public IReadOnlyList<ReminderItem> ForCommitment(int commitmentId) => _items.Where("commitment_id = @commitmentId", new { commitmentId });

    public IReadOnlyList<ReminderItem> ForRecipient(string recipientId) => _items.Where("recipient_id = @recipientId", new { recipientId });

    public IReadOnlyList<ReminderItem> FindAwake(DateTime now, int limit) =>
        _items.Where("wake_at <= @now", new { now = now.Ticks }, orderBy: "wake_at, id", limit: limit);

    public IReadOnlyList<ReminderItem> FindLeased(DateTime now, TimeSpan leaseDuration) => _items.Where(
        "wake_at > @now and wake_at <= @until and status = @status",
        new { now = now.Ticks, until = (now + leaseDuration).Ticks, status = nameof(ReminderStatus.Sending) });

    /// <summary>Locks the rows for this transaction's claim; rows another host's claim holds are skipped, not waited for.</summary>
    public IReadOnlyList<ReminderItem> GetForClaim(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        // Locked in key order (two claims never wait on each other in a cycle), returned in the caller's order.
        var locked = database.Use((c, t) => c
            .Query<string>("select doc::text from reminder_outbox where id = any(@keys) order by id for update skip locked", new { keys = keys.ToArray() }, t)
            .Select(DocumentTable<ReminderItem>.Deserialise)
            .ToDictionary(r => r.Id, StringComparer.Ordinal));
        return keys.Where(locked.ContainsKey).Select(k => locked[k]).ToList();
    }

    /// <summary>Several hosts may sweep one PostgreSQL database.</summary>
    public bool SharedByHosts => true;

    /// <summary>Nothing to move: one table, and its indexes serve the sweep at any size.</summary>
    public int Stage(DateTime until) => 0;

    public IReadOnlyList<ReminderItem> All() => _items.All();

    public int Count() => _items.Count();

    private static object Row(ReminderItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new
        {
            item.Id,
            item.CommitmentId,
            item.RecipientId,
            WakeAt = item.WakeAt.Ticks,
            Status = item.Status.ToString(),
            Json = DocumentTable<ReminderItem>.Serialise(item),
        };
    }
}
