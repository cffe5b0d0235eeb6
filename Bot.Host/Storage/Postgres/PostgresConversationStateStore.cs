using System.Text.Json;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Storage;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// One row per conversation: its version, save time and state (JSON, <see cref="DialogStateJson"/>). A save is a
/// conditional write (<c>update … where version = @expected</c>, or an insert that must not find a row for a new
/// conversation); when it changes nothing, someone else saved first: it raises an error in PostgreSQL (so a turn's
/// COMMIT, sent with it, does not run), which becomes <see cref="ConcurrencyException"/>.
/// No cache: another host may have saved since.
/// <para>
/// Loaded inside a transaction (a turn's unit of work), the load first takes the conversation's advisory lock
/// (<c>pg_advisory_xact_lock</c> on a 64-bit hash of the key), held until that transaction ends: a turn of the same
/// conversation on another host waits at its own load, then reads the state (with the activity ids processed) that
/// the first committed. Turns of one conversation thus never run side by side across hosts, and an activity posted
/// to two hosts runs once. The lock and the read go in one round trip as two statements: the read, a statement of its
/// own after the lock, sees that commit at READ COMMITTED. The same command brings what the turn asks next: the
/// conversation's stored reference (<see cref="PostgresConversationReferenceStore"/>) and the sender this host saw last
/// in it (<see cref="PostgresLastSenders"/>) with their reads (<see cref="PostgresUserStore.SenderWithTurnReads"/>). The
/// save joins the batch of the turn's commit.
/// </para>
/// </summary>
internal sealed class PostgresConversationStateStore(PostgresDatabase database, PostgresLastSenders lastSenders, TimeProvider time) : IConversationStateStore
{
    private const string Lock = "select pg_advisory_xact_lock(hashtextextended(@key, 0))";

    private const string ReadState = "select version as Version, updated_at as UpdatedAt, state::text as Json from conversation_states where id = @key";

    public ConversationState Load(string key)
    {
        var row = database.Use((c, t) =>
        {
            if (t is null)
            {
                return c.QuerySingleOrDefault<StoredRow>(ReadState, new { key });
            }

            // One round trip: the lock, then the reads, which at READ COMMITTED take their own snapshots once the lock
            // is held, so they see what the lock's last holder committed. After the state come what the turn asks
            // next: the conversation's stored reference, and the sender this host saw last in it with their reads.
            var account = lastSenders.Of(key);
            using var reads = account is null
                ? c.QueryMultiple($"{Lock}; {ReadState}; {PostgresConversationReferenceStore.ReadStored}", new { key }, t)
                : c.QueryMultiple($"{Lock}; {ReadState}; {PostgresConversationReferenceStore.ReadStored}; {PostgresUserStore.SenderWithTurnReads}", new { key, account }, t);
            reads.Read();
            var state = reads.ReadSingleOrDefault<StoredRow>();
            if (reads.ReadSingleOrDefault<StoredReferenceRow>() is { } reference)
            {
                database.Transactions.Know(PostgresConversationReferenceStore.StoredAs(key), reference);
            }

            if (account is not null)
            {
                database.Transactions.KnowUntilWrite(PostgresUserStore.PrefetchedAs(account), reads.ReadSingleOrDefault<SenderRow>() ?? SenderRow.None);
            }

            return state;
        });
        if (row is null)
        {
            return new ConversationState { Id = key, Version = 0 };
        }

        var state = JsonSerializer.Deserialize<ConversationState>(row.Json, DialogStateJson.Options) ?? new ConversationState();
        state.Id = key;
        state.Version = row.Version;
        state.UpdatedAt = row.UpdatedAt.UtcDateTime;
        return state;
    }

    public void Save(ConversationState state) => PrepareSave(state)();

    /// <summary>Serialises now; the returned write checks the version when it runs and updates the object after the commit.</summary>
    public Action PrepareSave(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var json = JsonSerializer.Serialize(state, DialogStateJson.Options);
        var expected = state.Version;
        var updatedAt = time.GetUtcNow();
        return () =>
        {
            // In a turn's commit this joins the commit's batch, which ends with the COMMIT: a state saved by someone
            // else since this turn read it raises an error in PostgreSQL (sinergi_state_conflict), which stops the batch
            // before the COMMIT, and becomes ConcurrencyException.
            if (expected == 0)
            {
                database.Write(
                    """
                    with saved as (insert into conversation_states (id, version, updated_at, state) values (@id, 1, @updatedAt, @json::jsonb) on conflict (id) do nothing returning 1)
                    select case when exists (select 1 from saved) then 1 else sinergi_state_conflict(@id, 0) end
                    """,
                    new { id = state.Id, updatedAt, json });
            }
            else
            {
                database.Write(
                    """
                    with saved as (update conversation_states set version = version + 1, updated_at = @updatedAt, state = @json::jsonb where id = @id and version = @expected returning 1)
                    select case when exists (select 1 from saved) then 1 else sinergi_state_conflict(@id, @expected) end
                    """,
                    new { id = state.Id, updatedAt, json, expected });
            }

            database.Transactions.AfterCommit(() =>
            {
                state.Version = expected + 1;
                state.UpdatedAt = updatedAt.UtcDateTime;
            });
        };
    }

    public void ClearStack(string key, string? activityId)
    {
        var state = Load(key);
        state.Stack.Clear();
        state.RememberActivity(activityId);
        var json = JsonSerializer.Serialize(state, DialogStateJson.Options);
        database.Use((c, t) => c.Execute(
            """
            insert into conversation_states (id, version, updated_at, state) values (@key, 1, @updatedAt, @json::jsonb)
            on conflict (id) do update set version = conversation_states.version + 1, updated_at = excluded.updated_at, state = excluded.state
            """,
            new { key, updatedAt = time.GetUtcNow(), json },
            t));
    }

    private sealed class StoredRow
    {
        public int Version { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public string Json { get; set; } = string.Empty;
    }
}
