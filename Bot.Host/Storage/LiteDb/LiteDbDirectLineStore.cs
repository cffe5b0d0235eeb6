using Bot.Host.Channels.DirectLine;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Durable Direct Line state in the process database: one record per conversation and its transcript, one document
/// per append (<see cref="DirectLineTranscriptPage"/>: a turn's echo and replies together), so a reload or reconnect
/// after a restart finds the conversation and replays the transcript. A page's key is the conversation and the place
/// of its first entry: two appends at one place cannot both commit (the unit of work's commit finds the key taken and
/// the turn runs again). The watermark and last timestamp are the last page's; this store is the only writer of its
/// collections, so it keeps them in memory per conversation, moved only after a commit, and a turn reads no page.
/// It keeps the records' committed versions in memory too, mapped and with their stamps (a turn and the post before it
/// read the record, which changes every few minutes: a read hands out a copy, without deserialising or hashing the
/// document each time), forgotten around each write of one. A page is inserted as a fresh key: inside a unit
/// of work without a read for it, the commit alone checks that nobody took the place (BENCHMARKS.md "Load", session 10).
/// A database from before the pages (one document per activity in <c>directline_activities</c>) is converted when
/// opened.
/// </summary>
internal sealed class LiteDbDirectLineStore : IDirectLineStore
{
    private const string PagesCollection = "directline_transcript";
    private const string ConversationsCollection = "directline_conversations";
    private const string LegacyLogCollection = "directline_activities";
    private const int CachedConversations = 4_096;

    private readonly SinergiDatabase _database;
    private readonly ILiteCollection<DirectLineConversation> _conversations;
    private readonly ILiteCollection<DirectLineTranscriptPage> _pages;
    private readonly BoundedCache<Tail> _tails = new(CachedConversations);
    private readonly Lock _tailGate = new();
    private readonly BoundedCache<HeldRecord> _records = new(CachedConversations);
    private readonly Lock _recordGate = new();
    private long _recordWrites;

    public LiteDbDirectLineStore(SinergiDatabase database)
    {
        _database = database;
        _conversations = database.Collection<DirectLineConversation>(ConversationsCollection);
        _pages = database.Collection<DirectLineTranscriptPage>(PagesCollection);
        // A conversation's pages are one range of the primary key (its id, then the place of the first entry, padded), so
        // they need no index of their own: one index less to write with every turn's page (BENCHMARKS.md "Load", session 13).
        _pages.DropIndex(nameof(DirectLineTranscriptPage.ConversationId));
        _conversations.EnsureIndex(c => c.LastSeenAt);
        database.OnReopened(_tails.Clear);
        database.OnReopened(() => ForgetRecord(null));
        ConvertLegacyLog();
    }

    public void Create(DirectLineConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        WriteRecord(conversation.Id, () => _conversations.Insert(conversation));
    }

    /// <summary>The record, with the watermark and last timestamp of the transcript.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        var conversation = Record(conversationId);
        if (conversation is not null)
        {
            var tail = TailOf(conversation);
            conversation.NextSequence = tail.NextSequence;
            conversation.LastTimestamp = tail.LastTimestamp;
        }

        return conversation;
    }

    /// <summary>Writes the record; callers hold the conversation's feed lock (<see cref="ActivityFeed.Change"/>).</summary>
    public void Update(DirectLineConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        WriteRecord(conversation.Id, () => _conversations.Update(conversation));
    }

    /// <inheritdoc/>
    public void Append(DirectLineConversation conversation, IReadOnlyList<DirectLineLogEntry> entries, Action? alsoInTransaction = null, bool writeRecord = false)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var page = DirectLineTranscriptPage.Of(conversation, entries);
        _database.InTransaction(() =>
        {
            if (page.Entries.Count > 0)
            {
                _database.InsertFresh(PagesCollection, page);
            }

            if (writeRecord)
            {
                Update(conversation);
            }

            alsoInTransaction?.Invoke();
            if (page.Entries.Count > 0)
            {
                var tail = new Tail(page.After(), page.LastTimestamp.ToUniversalTime());
                _database.AfterCommit(() => MoveTail(conversation.Id, tail));
            }
        });
    }

    /// <summary>
    /// Every entry from <paramref name="fromSequence"/> on, in order. A committed page read here moves the remembered
    /// watermark: between a commit and its after-commit work a socket's backlog or a poll may already send the page,
    /// and the next writer must not take its place (it would conflict and its turn run again).
    /// </summary>
    public IReadOnlyList<DirectLineLogEntry> ReadFrom(string conversationId, int fromSequence)
    {
        var pages = PagesOf(conversationId).OrderBy(p => p.Sequence).ToList();
        if (pages.Count > 0 && _database.ReadsCommitted(PagesCollection) && _tails.TryGet(conversationId, out var known) && known.NextSequence < pages[^1].After())
        {
            // Only a remembered tail can be behind (one not remembered is read from the pages); the later timestamp wins.
            var last = pages[^1].LastTimestamp.ToUniversalTime();
            MoveTail(conversationId, new Tail(pages[^1].After(), last > known.LastTimestamp ? last : known.LastTimestamp));
        }

        return pages.SelectMany(p => p.From(fromSequence)).ToList();
    }

    /// <summary>
    /// Deletes conversations idle since before <paramref name="cutoff"/>, and those whose user never posted anything
    /// idle since before <paramref name="unusedCutoff"/>; returns their ids.
    /// </summary>
    public IReadOnlyList<string> DeleteIdle(DateTime cutoff, DateTime unusedCutoff)
    {
        var idle = _conversations.Find(c => c.LastSeenAt < cutoff || (c.AwaitingFirstMessage && c.LastSeenAt < unusedCutoff)).Select(c => c.Id).ToList();
        foreach (var id in idle)
        {
            _database.InTransaction(() =>
            {
                foreach (var page in PagesOf(id).Select(p => p.Id).ToList())
                {
                    _pages.Delete(page);
                }
                WriteRecord(id, () => _conversations.Delete(id));
            });
            _tails.Remove(id);
        }

        return idle;
    }

    /// <summary>The pages of one conversation, found by the range of their keys (<see cref="DirectLineTranscriptPage.IdOf"/>).</summary>
    private IEnumerable<DirectLineTranscriptPage> PagesOf(string conversationId) =>
        _pages.Find(KeyRange(conversationId)).Where(p => p.ConversationId == conversationId);

    /// <summary>
    /// Every key a page of the conversation can have: the id, a bar and ten digits. Keys are compared by the database's
    /// collation (culture-aware, ignoring case), not ordinally, so callers still keep only the pages of this conversation.
    /// </summary>
    private static BsonExpression KeyRange(string conversationId) =>
        Query.Between("_id", DirectLineTranscriptPage.IdOf(conversationId, 0), DirectLineTranscriptPage.IdOf(conversationId, int.MaxValue));

    /// <summary>
    /// A fresh copy of the record: from the committed documents held here, or read (and held when what was read is
    /// committed and no write of it started meanwhile). Inside a unit of work a held document still counts as read by
    /// the unit, so a write of the record later in the unit is checked against it.
    /// </summary>
    private DirectLineConversation? Record(string conversationId)
    {
        if (!_database.ReadsCommitted(ConversationsCollection))
        {
            return _conversations.FindById(conversationId);
        }

        long writes;
        lock (_recordGate)
        {
            writes = _recordWrites;
            if (_records.TryGet(conversationId, out var held))
            {
                _database.RememberStamp(ConversationsCollection, conversationId, held.Stamp);
                return held.Record.Copy();
            }
        }

        var read = _database.Raw.GetCollection(ConversationsCollection).FindById(conversationId);
        if (read is null)
        {
            return null;
        }

        var record = _database.Mapper.ToObject<DirectLineConversation>(read);
        lock (_recordGate)
        {
            if (writes == _recordWrites)
            {
                _records.Set(conversationId, new HeldRecord(record.Copy(), StagedWrites.StampOf(read)!));
            }
        }

        return record;
    }

    /// <summary>A committed record as read, never handed out itself (callers change what they get), and its stamp.</summary>
    private sealed record HeldRecord(DirectLineConversation Record, byte[] Stamp);

    /// <summary>
    /// A write of a record: what is held of it is forgotten before the write and again once it committed, and a read
    /// that overlapped it does not hold what it read (it may be from before the write).
    /// </summary>
    private void WriteRecord(string conversationId, Action write)
    {
        ForgetRecord(conversationId);
        write();
        _database.AfterCommit(() => ForgetRecord(conversationId));
    }

    /// <summary>Forgets the held record of one conversation, or of all (null).</summary>
    private void ForgetRecord(string? conversationId)
    {
        lock (_recordGate)
        {
            _recordWrites++;
            if (conversationId is null)
            {
                _records.Clear();
            }
            else
            {
                _records.Remove(conversationId);
            }
        }
    }

    /// <summary>The watermark and last timestamp: remembered, or read from the last page (or a record from before the pages, if ahead).</summary>
    private Tail TailOf(DirectLineConversation conversation)
    {
        if (_tails.TryGet(conversation.Id, out var known))
        {
            return known;
        }

        var last = _pages.Query().Where(KeyRange(conversation.Id)).OrderByDescending("_id").ToEnumerable().FirstOrDefault(p => p.ConversationId == conversation.Id);
        var recorded = conversation.LastTimestamp.ToUniversalTime();
        var tail = last is null || last.After() < conversation.NextSequence
            ? new Tail(conversation.NextSequence, recorded)
            : new Tail(last.After(), last.LastTimestamp.ToUniversalTime() > recorded ? last.LastTimestamp.ToUniversalTime() : recorded);
        if (_database.ReadsCommitted(PagesCollection))
        {
            MoveTail(conversation.Id, tail);
        }

        return tail;
    }

    /// <summary>Remembers a committed tail; never moves it back (commits can report out of order).</summary>
    private void MoveTail(string conversationId, Tail tail)
    {
        lock (_tailGate)
        {
            if (!_tails.TryGet(conversationId, out var known) || known.NextSequence < tail.NextSequence)
            {
                _tails.Set(conversationId, tail);
            }
        }
    }

    /// <summary>
    /// Moves each activity of a database from before the pages into a page of its own, in a transaction of its own
    /// (also when first resolved inside a unit of work), then drops the old collection. Running it again after a
    /// crash between the two writes the same pages again.
    /// </summary>
    private void ConvertLegacyLog()
    {
        if (!_database.Raw.CollectionExists(LegacyLogCollection))
        {
            return;
        }

        _database.Immediately(() =>
        {
            var legacy = _database.Raw.GetCollection(LegacyLogCollection);
            var pages = legacy.FindAll().Select(d => new DirectLineTranscriptPage
            {
                Id = DirectLineTranscriptPage.IdOf(d["ConversationId"].AsString, d["Sequence"].AsInt32),
                ConversationId = d["ConversationId"].AsString,
                Sequence = d["Sequence"].AsInt32,
                Entries = [new DirectLineTranscriptEntry { Id = d["_id"].AsString, Json = d["Json"].AsString }],
            }).ToList();
            _pages.Upsert(pages);
            return pages.Count;
        });
        _database.Raw.DropCollection(LegacyLogCollection);
    }

    private sealed record Tail(int NextSequence, DateTime LastTimestamp);
}
