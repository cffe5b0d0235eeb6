using Bot.Host.Channels.WhatsApp;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The durable queue between the webhook and the turn pipeline: the webhook inserts and answers 200 at once,
/// the worker drains it. Unfinished rows survive a restart; finished rows stay as the de-duplication record
/// until the retention passes, stripped of everything the user sent (<see cref="InboxRow.ForgetPayload"/>).
/// </summary>
internal sealed class LiteDbWhatsAppInbox(SinergiDatabase database) : IWhatsAppInbox
{
    private static long _arrivals;
    private readonly ILiteCollection<InboxRow> _rows = CreateCollection(database);

    /// <summary>Adds the message; false when its wamid is already known (Meta retried).</summary>
    public bool TryEnqueue(InboundMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        return database.InTransaction(() =>
        {
            if (_rows.FindById(message.Id) is not null)
            {
                return false;
            }

            var received = now.ToUnixTimeMilliseconds();
            _rows.Insert(InboxRow.Pending(message, now, (received * 1000) + (Interlocked.Increment(ref _arrivals) % 1000)));
            return true;
        });
    }

    /// <summary>
    /// Conversations whose pending messages may run now: quiet for <paramref name="reorderWindow"/> (or waiting
    /// five windows, so a chatty user is not starved) and not backing off, plus when to look again for the others.
    /// </summary>
    public (IReadOnlyList<string> Ready, DateTimeOffset? NextCheck) ReadyConversations(DateTimeOffset now, TimeSpan reorderWindow)
    {
        var pending = _rows.Find(r => r.State == InboxState.Pending)
            .GroupBy(r => r.ConversationId, StringComparer.Ordinal)
            .Select(g => new InboxReadiness.PendingSummary(g.Key, g.Min(r => r.ReceivedAtMs), g.Max(r => r.ReceivedAtMs), InOrder(g).First().NextAttemptAtMs));
        return InboxReadiness.Split(pending, now, reorderWindow);
    }

    /// <summary>
    /// The earliest-written pending message of the conversation, or null when there is none or it is backing off
    /// (later messages wait for it: answering them first would break the order).
    /// </summary>
    public InboxRow? NextPending(string conversationId, DateTimeOffset now)
    {
        var first = InOrder(_rows.Find(r => r.ConversationId == conversationId && r.State == InboxState.Pending)).FirstOrDefault();
        return first is not null && first.NextAttemptAtMs <= now.ToUnixTimeMilliseconds() ? first : null;
    }

    /// <summary>
    /// Marks the row handled and forgets its payload. After a confidential turn (a tip) the database is also
    /// checkpointed: until then LiteDB's log file still holds the row as it arrived, the words next to the number.
    /// </summary>
    public void MarkDone(InboxRow row, DateTimeOffset now, bool confidential = false)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Finish(now);
        _rows.Update(row);
        if (confidential)
        {
            database.Raw.Checkpoint();
        }
    }

    /// <summary>Counts a failed attempt; after <paramref name="maxAttempts"/> the row is given up on.</summary>
    public void MarkAttemptFailed(InboxRow row, DateTimeOffset now, int maxAttempts)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.FailAttempt(now, maxAttempts);
        _rows.Update(row);
    }

    public InboxRow? Get(string wamid) => _rows.FindById(wamid);

    /// <summary>Messages waiting or being handled (a telemetry gauge).</summary>
    public int PendingCount() => _rows.Count(r => r.State == InboxState.Pending);

    /// <summary>Forgets finished rows older than the retention; pending rows are never dropped.</summary>
    public int Prune(DateTimeOffset cutoff)
    {
        var cutoffMs = cutoff.ToUnixTimeMilliseconds();
        return _rows.DeleteMany(r => r.State != InboxState.Pending && r.ReceivedAtMs < cutoffMs);
    }

    private static IEnumerable<InboxRow> InOrder(IEnumerable<InboxRow> rows) => rows.OrderBy(r => r.SentAtMs).ThenBy(r => r.Sequence);

    private static ILiteCollection<InboxRow> CreateCollection(SinergiDatabase database)
    {
        var rows = database.Collection<InboxRow>("whatsapp_inbox");
        rows.EnsureIndex(r => r.State);
        rows.EnsureIndex(r => r.ConversationId);
        return rows;
    }
}
