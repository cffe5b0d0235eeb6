using LiteDB;

namespace Bot.Dialogs.Storage;

/// <summary>
/// One state document per conversation (the dialog stack, the members welcomed, the activity ids recently
/// processed), saved with an optimistic version check so that two writers can never silently overwrite each other.
/// This store is the only writer of its collection, so it keeps the last committed bytes of recent conversations
/// in memory: a turn's load and the save's version check then cost no database read (BENCHMARKS.md "Load").
/// </summary>
public sealed class ConversationStateStore(SinergiDatabase database, TimeProvider time)
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
    public void Save(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var storedVersion = Committed(state.Id)?["Version"].AsInt32 ?? 0;
        if (storedVersion != state.Version)
        {
            throw new ConcurrencyException(state.Id, state.Version, storedVersion);
        }

        // The object changes only once the write committed: a group commit that rolls back retries this call.
        var saved = Write(state, storedVersion + 1);
        database.AfterCommit(() =>
        {
            state.Version = saved.Version;
            state.UpdatedAt = saved.UpdatedAt;
        });
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
        Write(state, state.Version + 1);
    }

    private (int Version, DateTime UpdatedAt) Write(ConversationState state, int version)
    {
        var updatedAt = time.GetUtcNow().UtcDateTime;
        var document = database.Mapper.ToDocument(state);
        document["Version"] = version;
        document["UpdatedAt"] = updatedAt;
        _states.Upsert(document);
        var bytes = BsonSerializer.Serialize(document);
        database.AfterCommit(() => _committed.Set(state.Id, bytes));
        return (version, updatedAt);
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
