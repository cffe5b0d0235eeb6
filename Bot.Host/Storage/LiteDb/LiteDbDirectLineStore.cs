using Bot.Host.Channels.DirectLine;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Durable Direct Line state in the process database: one record per conversation and its activity log, so a
/// reload or reconnect after a restart finds the conversation and replays the transcript.
/// </summary>
internal sealed class LiteDbDirectLineStore : IDirectLineStore
{
    private readonly SinergiDatabase _database;
    private readonly ILiteCollection<DirectLineConversation> _conversations;
    private readonly ILiteCollection<DirectLineLogEntry> _log;

    public LiteDbDirectLineStore(SinergiDatabase database)
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
