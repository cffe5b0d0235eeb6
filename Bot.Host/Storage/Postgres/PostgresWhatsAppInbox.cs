using Bot.Host.Channels.WhatsApp;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The WhatsApp inbox on PostgreSQL, shared by every host. The wamid is the key (a retried webhook inserts nothing).
/// A host works a conversation only while it holds the conversation's claim (<c>whatsapp_inbox_claims</c>): it takes
/// the claim row with <c>FOR UPDATE SKIP LOCKED</c> (a host claiming at the same moment skips it instead of waiting)
/// and leaves a lease on it, renewed at each row it takes (<see cref="NextPending"/>) and released when the
/// conversation has nothing to run or a row failed. So two hosts never run two rows of one conversation at once, nor
/// one row twice, while a turn takes less than <see cref="Lease"/>; a host killed mid-turn leaves its lease to run out,
/// after which another host takes the row again (its activity id keeps the turn from running twice). A host that
/// stops (a deploy) releases its claims when the container disposes the store, after the worker's drains ended.
/// </summary>
internal sealed class PostgresWhatsAppInbox(PostgresDatabase database) : IWhatsAppInbox, IDisposable
{
    /// <summary>How long a claim lasts without renewal: longer than any turn, short enough that a dead host's conversations resume soon.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>This process, as the owner of its claims.</summary>
    private readonly Guid _owner = Guid.NewGuid();

    public bool TryEnqueue(InboundMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        return database.Transactions.Run(() =>
        {
            var sequence = database.Use((c, t) => c.ExecuteScalar<long>("select nextval('whatsapp_inbox_arrivals')", transaction: t));
            var row = InboxRow.Pending(message, now, sequence);
            return database.Use((c, t) => c.Execute(
                """
                insert into whatsapp_inbox (id, conversation_id, state, sent_at_ms, received_at_ms, sequence, next_attempt_at_ms, doc)
                values (@Id, @ConversationId, @State, @SentAtMs, @ReceivedAtMs, @Sequence, @NextAttemptAtMs, @Json::jsonb)
                on conflict (id) do nothing
                """,
                Parameters(row),
                t)) == 1;
        });
    }

    public (IReadOnlyList<string> Ready, DateTimeOffset? NextCheck) ReadyConversations(DateTimeOffset now, TimeSpan reorderWindow)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var (pending, held) = database.Use((c, t) =>
        {
            var pending = c.Query<Summary>(
                """
                select conversation_id as ConversationId, min(received_at_ms) as FirstReceivedAtMs, max(received_at_ms) as LastReceivedAtMs,
                    (array_agg(next_attempt_at_ms order by sent_at_ms, sequence))[1] as FirstNextAttemptAtMs
                from whatsapp_inbox where state = 0 group by conversation_id
                """,
                transaction: t).ToList();
            var held = c.Query<(string, long)>(
                "select conversation_id, lease_until_ms from whatsapp_inbox_claims where owner <> @owner and lease_until_ms > @nowMs",
                new { owner = _owner, nowMs },
                t).ToDictionary(h => h.Item1, h => h.Item2, StringComparer.Ordinal);
            return (pending, held);
        });
        return InboxReadiness.Split(
            pending.Select(p => new InboxReadiness.PendingSummary(p.ConversationId, p.FirstReceivedAtMs, p.LastReceivedAtMs, p.FirstNextAttemptAtMs)),
            now,
            reorderWindow,
            conversationId => held.TryGetValue(conversationId, out var until) ? until : null);
    }

    /// <summary>
    /// Claims the conversation (or renews this host's claim) and returns its first pending row in order; null, with
    /// the claim released, when there is none or it is backing off; null when another host holds the claim.
    /// </summary>
    public InboxRow? NextPending(string conversationId, DateTimeOffset now) => database.Transactions.Run(() => database.Use((c, t) =>
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        c.Execute("insert into whatsapp_inbox_claims (conversation_id) values (@conversationId) on conflict do nothing", new { conversationId }, t);
        var claimed = c.QuerySingleOrDefault<string>(
            """
            select conversation_id from whatsapp_inbox_claims
            where conversation_id = @conversationId and (owner is null or owner = @owner or lease_until_ms <= @nowMs)
            for update skip locked
            """,
            new { conversationId, owner = _owner, nowMs },
            t);
        if (claimed is null)
        {
            return null;
        }

        var first = c.QueryFirstOrDefault<string>(
            "select doc::text from whatsapp_inbox where conversation_id = @conversationId and state = 0 order by sent_at_ms, sequence limit 1",
            new { conversationId },
            t) is { } json ? DocumentTable<InboxRow>.Deserialise(json) : null;
        var runnable = first is not null && first.NextAttemptAtMs <= nowMs;
        c.Execute(
            "update whatsapp_inbox_claims set owner = @owner, lease_until_ms = @until where conversation_id = @conversationId",
            new { conversationId, owner = runnable ? _owner : (Guid?)null, until = runnable ? (now + Lease).ToUnixTimeMilliseconds() : 0 },
            t);
        return runnable ? first : null;
    }));

    /// <summary>
    /// Marks the row handled and forgets its payload. PostgreSQL keeps the row's earlier version (the words next to
    /// the number) until a vacuum reclaims it and its write-ahead log until a checkpoint recycles it; README
    /// "Tip line privacy" says what an operator of the Postgres provider must set for that.
    /// </summary>
    public void MarkDone(InboxRow row, DateTimeOffset now, bool confidential = false)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Finish(now);
        Write(row);
    }

    /// <summary>Counts the failed attempt and releases the conversation's claim: the worker stops draining it for now.</summary>
    public void MarkAttemptFailed(InboxRow row, DateTimeOffset now, int maxAttempts)
    {
        ArgumentNullException.ThrowIfNull(row);
        var conversationId = row.ConversationId;
        row.FailAttempt(now, maxAttempts);
        database.Transactions.Run(() =>
        {
            Write(row);
            database.Use((c, t) => c.Execute(
                "update whatsapp_inbox_claims set owner = null, lease_until_ms = 0 where conversation_id = @conversationId and owner = @owner",
                new { conversationId, owner = _owner },
                t));
        });
    }

    public InboxRow? Get(string wamid) => database.Use((c, t) =>
        c.QuerySingleOrDefault<string>("select doc::text from whatsapp_inbox where id = @wamid", new { wamid }, t)) is { } json
        ? DocumentTable<InboxRow>.Deserialise(json)
        : null;

    public int PendingCount() => database.Use((c, t) => c.ExecuteScalar<int>("select count(*) from whatsapp_inbox where state = 0", transaction: t));

    /// <summary>Forgets finished rows older than the retention, and the claims of conversations with nothing pending whose lease ran out.</summary>
    public int Prune(DateTimeOffset cutoff) => database.Use((c, t) =>
    {
        var removed = c.Execute(
            "delete from whatsapp_inbox where state <> 0 and received_at_ms < @cutoffMs", new { cutoffMs = cutoff.ToUnixTimeMilliseconds() }, t);
        c.Execute(
            """
            delete from whatsapp_inbox_claims k where lease_until_ms < @cutoffMs
                and not exists (select 1 from whatsapp_inbox i where i.conversation_id = k.conversation_id and i.state = 0)
            """,
            new { cutoffMs = cutoff.ToUnixTimeMilliseconds() },
            t);
        return removed;
    });

    /// <summary>Releases this host's claims, so the other hosts need not wait for the leases to run out.</summary>
    public void Dispose()
    {
        try
        {
            database.Use((c, t) => c.Execute(
                "update whatsapp_inbox_claims set owner = null, lease_until_ms = 0 where owner = @owner", new { owner = _owner }, t));
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or ObjectDisposedException)
        {
            // The database is gone already: the leases run out by themselves.
        }
    }

    /// <summary>Writes the row's state, attempts and (possibly forgotten) payload.</summary>
    private void Write(InboxRow row) => database.Use((c, t) => c.Execute(
        "update whatsapp_inbox set conversation_id = @ConversationId, state = @State, next_attempt_at_ms = @NextAttemptAtMs, doc = @Json::jsonb where id = @Id",
        Parameters(row),
        t));

    private static object Parameters(InboxRow row) => new
    {
        row.Id,
        row.ConversationId,
        State = (short)row.State,
        row.SentAtMs,
        row.ReceivedAtMs,
        row.Sequence,
        row.NextAttemptAtMs,
        Json = DocumentTable<InboxRow>.Serialise(row),
    };

    private sealed class Summary
    {
        public string ConversationId { get; set; } = string.Empty;
        public long FirstReceivedAtMs { get; set; }
        public long LastReceivedAtMs { get; set; }
        public long FirstNextAttemptAtMs { get; set; }
    }
}
