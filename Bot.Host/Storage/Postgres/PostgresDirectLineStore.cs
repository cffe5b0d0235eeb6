using Bot.Host.Channels.DirectLine;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Direct Line conversations and their activity logs on PostgreSQL. Every call joins the transaction open on the
/// thread or async flow, so a turn's transcript entries (<see cref="ActivityFeed.Stage"/>) commit with the turn. The
/// watermark and the last timestamp only move forward (<c>greatest</c>), so a record written from an older read never
/// takes them back; a log place is the key <c>(conversation_id, sequence)</c>, so two writers of one place cannot both
/// commit (the second gets <see cref="Bot.Dialogs.Storage.StorageConflictException"/> and its turn runs again). An
/// append tells the other hosts in its own transaction (<see cref="PostgresTranscriptNotifier"/>): PostgreSQL
/// delivers the notice when the entries commit, and never for a turn that did not.
/// </summary>
internal sealed class PostgresDirectLineStore(PostgresDatabase database, PostgresTranscriptNotifier notifier) : IDirectLineStore
{
    public void Create(DirectLineConversation conversation) => database.Use((c, t) => c.Execute(
        """
        insert into directline_conversations (id, next_sequence, last_timestamp, last_seen_at, awaiting_first_message, doc)
        values (@Id, @NextSequence, @LastTimestamp, @LastSeenAt, @AwaitingFirstMessage, @Json::jsonb)
        """,
        Row.Of(conversation),
        t));

    public DirectLineConversation? Find(string conversationId) => database.Use((c, t) => c.QuerySingleOrDefault<Row>(
        "select next_sequence as NextSequence, last_timestamp as LastTimestamp, doc::text as Json from directline_conversations where id = @conversationId",
        new { conversationId },
        t))?.ToConversation();

    public void Update(DirectLineConversation conversation) => database.Use((c, t) => c.Execute(
        """
        update directline_conversations set
            next_sequence = greatest(next_sequence, @NextSequence), last_timestamp = greatest(last_timestamp, @LastTimestamp),
            last_seen_at = @LastSeenAt, awaiting_first_message = @AwaitingFirstMessage, doc = @Json::jsonb
        where id = @Id
        """,
        Row.Of(conversation),
        t));

    public void Append(DirectLineConversation conversation, IReadOnlyList<DirectLineLogEntry> entries, Action? alsoInTransaction = null) =>
        database.Transactions.Run(() =>
        {
            database.Use((c, t) => c.Execute(
                "insert into directline_activities (id, conversation_id, sequence, json) values (@Id, @ConversationId, @Sequence, @Json)",
                entries,
                t));
            Update(conversation);
            alsoInTransaction?.Invoke();
            if (entries.Count > 0)
            {
                notifier.Changed(conversation.Id, entries[^1].Sequence + 1);
            }
        });

    public IReadOnlyList<DirectLineLogEntry> ReadFrom(string conversationId, int fromSequence) => database.Use((c, t) => c.Query<DirectLineLogEntry>(
        """
        select id as Id, conversation_id as ConversationId, sequence as Sequence, json as Json from directline_activities
        where conversation_id = @conversationId and sequence >= @fromSequence order by sequence
        """,
        new { conversationId, fromSequence },
        t).ToList());

    public DirectLineLogEntry? FindEntry(string activityId) => database.Use((c, t) => c.QuerySingleOrDefault<DirectLineLogEntry>(
        "select id as Id, conversation_id as ConversationId, sequence as Sequence, json as Json from directline_activities where id = @activityId",
        new { activityId },
        t));

    /// <summary>
    /// Rewrites an entry's JSON (the echo settled after its turn). PostgreSQL keeps the old row version until a vacuum
    /// reclaims it, and does not zero it either: that is why echoes are stored redacted and only made readable here.
    /// </summary>
    public void ReplaceJson(DirectLineLogEntry entry, string json)
    {
        ArgumentNullException.ThrowIfNull(entry);
        database.Use((c, t) => c.Execute("update directline_activities set json = @json where id = @Id", new { json, entry.Id }, t));
        entry.Json = json;
    }

    /// <summary>One statement: the conversations go, and their logs with them (<c>on delete cascade</c>).</summary>
    public IReadOnlyList<string> DeleteIdle(DateTime cutoff, DateTime unusedCutoff) => database.Use((c, t) => c.Query<string>(
        """
        delete from directline_conversations
        where last_seen_at < @cutoff or (awaiting_first_message and last_seen_at < @unusedCutoff)
        returning id
        """,
        new { cutoff = Ticks(cutoff), unusedCutoff = Ticks(unusedCutoff) },
        t).ToList());

    private static long Ticks(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime().Ticks : time.Ticks;

    private sealed class Row
    {
        public string Id { get; set; } = string.Empty;
        public int NextSequence { get; set; }
        public long LastTimestamp { get; set; }
        public long LastSeenAt { get; set; }
        public bool AwaitingFirstMessage { get; set; }
        public string Json { get; set; } = string.Empty;

        public static Row Of(DirectLineConversation conversation)
        {
            ArgumentNullException.ThrowIfNull(conversation);
            return new Row
            {
                Id = conversation.Id,
                NextSequence = conversation.NextSequence,
                LastTimestamp = Ticks(conversation.LastTimestamp),
                LastSeenAt = Ticks(conversation.LastSeenAt),
                AwaitingFirstMessage = conversation.AwaitingFirstMessage,
                Json = DocumentTable<DirectLineConversation>.Serialise(conversation),
            };
        }

        /// <summary>The document, with the watermark and the last timestamp as the columns hold them (they may be ahead of it).</summary>
        public DirectLineConversation ToConversation()
        {
            var conversation = DocumentTable<DirectLineConversation>.Deserialise(Json);
            conversation.NextSequence = NextSequence;
            conversation.LastTimestamp = new DateTime(LastTimestamp, DateTimeKind.Utc);
            return conversation;
        }
    }
}
