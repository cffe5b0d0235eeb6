using Bot.Host.Storage.LiteDb;
using LiteDB;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Durable Direct Line state in the process database: one record per conversation and its activity log, so a
/// reload or reconnect after a restart finds the conversation and replays the transcript.
/// </summary>
internal sealed class DirectLineStore
{
    private readonly SinergiDatabase _database;
    private readonly ILiteCollection<DirectLineConversation> _conversations;
    private readonly ILiteCollection<DirectLineLogEntry> _log;

    public DirectLineStore(SinergiDatabase database)
    {
        _database = database;
        _conversations = database.Collection<DirectLineConversation>("directline_conversations");
        _log = database.Collection<DirectLineLogEntry>("directline_activities");
        _log.EnsureIndex(e => e.ConversationId);
        _conversations.EnsureIndex(c => c.LastSeenAt);
    }

    public void Create(DirectLineConversation conversation) => _conversations.Insert(conversation);

    public DirectLineConversation? Find(string conversationId) => _conversations.FindById(conversationId);

    /// <summary>Writes the record; callers hold the conversation's feed lock (<see cref="ActivityFeed.Change"/>).</summary>
    public void Update(DirectLineConversation conversation) => _conversations.Update(conversation);

    /// <summary>
    /// Adds the entries and moves the conversation's watermark, atomically, together with
    /// <paramref name="alsoInTransaction"/> (a reminder's "sent" mark, a turn's settled echo): a throw from it adds nothing.
    /// </summary>
    public void Append(DirectLineConversation conversation, IReadOnlyList<DirectLineLogEntry> entries, Action? alsoInTransaction = null) => _database.InTransaction(() =>
    {
        _log.Insert(entries);
        _conversations.Update(conversation);
        alsoInTransaction?.Invoke();
    });

    /// <summary>Every entry from <paramref name="fromSequence"/> on, in order.</summary>
    public IReadOnlyList<DirectLineLogEntry> ReadFrom(string conversationId, int fromSequence) =>
        _log.Find(e => e.ConversationId == conversationId && e.Sequence >= fromSequence)
            .OrderBy(e => e.Sequence)
            .ToList();

    public DirectLineLogEntry? FindEntry(string activityId) => _log.FindById(activityId);

    /// <summary>
    /// Rewrites an entry's JSON (the echo settled after its turn); callers hold the feed lock. Echoes are stored
    /// redacted and only turned readable here: redacting after the fact would leave the words in the space LiteDB
    /// frees, which it does not have to zero.
    /// </summary>
    public void ReplaceJson(DirectLineLogEntry entry, string json)
    {
        entry.Json = json;
        _log.Update(entry);
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
                _log.DeleteMany(e => e.ConversationId == id);
                _conversations.Delete(id);
            });
        }

        return idle;
    }
}

/// <summary>A Direct Line conversation as stored.</summary>
internal sealed class DirectLineConversation
{
    public string Id { get; set; } = string.Empty;
    public string UserId { get; set; } = string.Empty;
    public string? UserName { get; set; }
    public string? Locale { get; set; }

    /// <summary>True once the bot got the conversation's first conversationUpdate.</summary>
    public bool Started { get; set; }

    /// <summary>Number of activities in the log; also the watermark a client holds after reading them all.</summary>
    public int NextSequence { get; set; }

    /// <summary>The latest timestamp handed out, so timestamps never go backwards (Web Chat sorts by them).</summary>
    public DateTime LastTimestamp { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>True while the last turn was confidential (a tip in progress): uploads stay out of the database.</summary>
    public bool Confidential { get; set; }

    /// <summary>Created without the secret (the page on this site): its uploads count against the anonymous caps.</summary>
    public bool Anonymous { get; set; }

    /// <summary>
    /// True from creation until the user first posts: until then the conversation is deleted soon after it goes idle
    /// (a record from before this flag existed lacks it and keeps the ordinary retention).
    /// </summary>
    public bool AwaitingFirstMessage { get; set; }
}

/// <summary>One activity of a conversation's client-facing log, as JSON.</summary>
internal sealed class DirectLineLogEntry
{
    public string Id { get; set; } = string.Empty;
    public string ConversationId { get; set; } = string.Empty;
    public int Sequence { get; set; }
    public string Json { get; set; } = string.Empty;
}
