using Bot.Host.Channels.DirectLine;
using System.Text.Json;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Direct Line conversations and their transcripts on PostgreSQL, one row per append (<see cref="DirectLineTranscriptPage"/>:
/// a turn's echo and replies together). Every call joins the transaction open on the thread or async flow, so a turn's
/// page (<see cref="ActivityFeed.Stage"/>) commits with the turn. The watermark and the last timestamp are the last
/// page's (read with the record in one statement); a page's key is <c>(conversation_id, sequence)</c> of its first
/// entry, so two writers of one place cannot both commit (the second gets
/// <see cref="Bot.Dialogs.Storage.StorageConflictException"/> and its turn runs again). The record's own columns only
/// move forward (<c>greatest</c>). An append tells the other hosts in its own transaction
/// (<see cref="PostgresTranscriptNotifier"/>): PostgreSQL delivers the notice when the page commits, and never for a
/// turn that did not.
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
        """
        select greatest(c.next_sequence, coalesce(p.sequence + p.entry_count, 0)) as NextSequence,
               greatest(c.last_timestamp, coalesce(p.last_timestamp, 0)) as LastTimestamp, c.doc::text as Json
        from directline_conversations c
        left join lateral (
            select sequence, entry_count, last_timestamp from directline_transcript t
            where t.conversation_id = c.id order by sequence desc limit 1) p on true
        where c.id = @conversationId
        """,
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

    public void Append(DirectLineConversation conversation, IReadOnlyList<DirectLineLogEntry> entries, Action? alsoInTransaction = null, bool writeRecord = false)
    {
        var page = DirectLineTranscriptPage.Of(conversation, entries);
        database.Transactions.Run(() =>
        {
            if (page.Entries.Count > 0)
            {
                database.Use((c, t) => c.Execute(
                    """
                    insert into directline_transcript (conversation_id, sequence, entry_count, last_timestamp, entries)
                    values (@ConversationId, @Sequence, @Count, @LastTimestamp, @Entries)
                    """,
                    new { page.ConversationId, page.Sequence, page.Entries.Count, LastTimestamp = Ticks(page.LastTimestamp), Entries = JsonSerializer.Serialize(page.Entries) },
                    t));
            }

            if (writeRecord)
            {
                Update(conversation);
            }

            alsoInTransaction?.Invoke();
            if (page.Entries.Count > 0)
            {
                notifier.Changed(conversation.Id, page.After());
            }
        });
    }

    public IReadOnlyList<DirectLineLogEntry> ReadFrom(string conversationId, int fromSequence) => database.Use((c, t) => c.Query<PageRow>(
        """
        select sequence as Sequence, entries as Entries from directline_transcript
        where conversation_id = @conversationId and sequence + entry_count > @fromSequence order by sequence
        """,
        new { conversationId, fromSequence },
        t).SelectMany(p => p.ToPage(conversationId).From(fromSequence)).ToList());

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

    private sealed class PageRow
    {
        public int Sequence { get; set; }
        public string Entries { get; set; } = string.Empty;

        public DirectLineTranscriptPage ToPage(string conversationId) => new()
        {
            ConversationId = conversationId,
            Sequence = Sequence,
            Entries = JsonSerializer.Deserialize<List<DirectLineTranscriptEntry>>(Entries) ?? [],
        };
    }

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
