using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// One state document per conversation (the dialog stack, the members welcomed, the activity ids recently
/// processed), saved with an optimistic version check so that two writers can never silently overwrite each other.
/// This store is the only writer of its collection, so it keeps the last committed bytes of recent conversations
/// in memory: a turn's load and the save's version check then cost no database read (BENCHMARKS.md "Load").
/// </summary>
internal sealed class LiteDbConversationStateStore(SinergiDatabase database, TimeProvider time) : IConversationStateStore
{
    private const string CollectionName = "conversation_states";
    private const int CachedConversations = 4_096;

    private readonly ILiteCollection<BsonDocument> _states = database.Raw.GetCollection(CollectionName);
    private readonly BoundedCache<byte[]> _committed = new(CachedConversations);

    /// <summary>A fresh copy of the conversation's state (changing it changes nothing until <see cref="Save"/>).</summary>
    public ConversationState Load(string key)
    {
        var document = Committed(key);
        return document is null
            ? new ConversationState { Id = key, Version = 0 }
            : database.Mapper.ToObject<ConversationState>(document);
    }

    /// <summary>Saves the state; throws <see cref="ConcurrencyException"/> when someone saved it since it was loaded.</summary>
    public void Save(ConversationState state) => PrepareSave(state)();

    /// <summary>
    /// Serialises the state now and returns the write (version check, upsert) to run later inside a transaction:
    /// the turn pipeline's shared commit then holds the engine lock only for the database work. The object changes
    /// (new version) only once that write committed, so a group commit that rolls back can run it again.
    /// </summary>
    public Action PrepareSave(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (document, bytes) = Serialise(state, state.Version + 1);
        return () =>
        {
            var storedVersion = Committed(state.Id)?["Version"].AsInt32 ?? 0;
            if (storedVersion != state.Version)
            {
                throw new ConcurrencyException(state.Id, state.Version, storedVersion);
            }

            Write(state.Id, document, bytes);
            var version = document["Version"].AsInt32;
            var updatedAt = document["UpdatedAt"].AsDateTime;
            database.AfterCommit(() =>
            {
                state.Version = version;
                state.UpdatedAt = updatedAt;
            });
        };
    }

    /// <summary>
    /// Empties the dialog stack (used after a failed turn so a bad state cannot loop) and records the activity that
    /// failed, so a retry of it does not fail again.
    /// </summary>
    public void ClearStack(string key, string? activityId)
    {
        var state = Load(key);
        state.Stack.Clear();
        state.RememberActivity(activityId);
        var (document, bytes) = Serialise(state, state.Version + 1);
        Write(key, document, bytes);
    }

    private (BsonDocument Document, byte[] Bytes) Serialise(ConversationState state, int version)
    {
        var document = database.Mapper.ToDocument(state);
        document["Version"] = version;
        document["UpdatedAt"] = time.GetUtcNow().UtcDateTime;
        return (document, BsonSerializer.Serialize(document));
    }

    private void Write(string key, BsonDocument document, byte[] bytes)
    {
        _states.Upsert(document);
        database.AfterCommit(() => _committed.Set(key, bytes));
    }

    private BsonDocument? Committed(string key)
    {
        if (_committed.TryGet(key, out var bytes))
        {
            return BsonSerializer.Deserialize(bytes);
        }

        var stored = _states.FindById(key);
        if (stored is not null && !database.InOpenTransaction)
        {
            _committed.Set(key, BsonSerializer.Serialize(stored));
        }

        return stored;
    }
}
