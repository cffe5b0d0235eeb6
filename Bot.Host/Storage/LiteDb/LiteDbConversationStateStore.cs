using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Storage;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// One state record per conversation (the dialog stack, the members welcomed, the activity ids recently processed),
/// saved with an optimistic version check so that two writers can never silently overwrite each other. The state
/// itself is JSON (System.Text.Json, <see cref="DialogStateJson"/>) stored as UTF-8 bytes beside the version and
/// save time. This store is the only writer of its collection, so it keeps the last committed bytes of recent
/// conversations in memory: a turn's load and the save's version check then cost no database read (BENCHMARKS.md
/// "Load"). A record saved before the state became JSON (a BSON document) is converted when first read and saved
/// as JSON by the conversation's next turn.
/// </summary>
internal sealed class LiteDbConversationStateStore(SinergiDatabase database, TimeProvider time) : IConversationStateStore
{
    private const string CollectionName = "conversation_states";
    private const string VersionField = "Version";
    private const string UpdatedAtField = "UpdatedAt";
    private const string JsonField = "Json";
    private const int CachedConversations = 4_096;

    private readonly ILiteCollection<BsonDocument> _states = database.Raw.GetCollection(CollectionName);
    private readonly BoundedCache<StoredState> _committed = new(CachedConversations);

    /// <summary>A fresh copy of the conversation's state (changing it changes nothing until <see cref="Save"/>).</summary>
    public ConversationState Load(string key)
    {
        if (Committed(key) is not { } stored)
        {
            return new ConversationState { Id = key, Version = 0 };
        }

        var state = JsonSerializer.Deserialize<ConversationState>(stored.Json, DialogStateJson.Options) ?? new ConversationState();
        state.Id = key;
        state.Version = stored.Version;
        state.UpdatedAt = stored.UpdatedAt;
        return state;
    }

    /// <summary>Saves the state; throws <see cref="ConcurrencyException"/> when someone saved it since it was loaded.</summary>
    /// <remarks>
    /// The version check and the write run in one transaction, which holds the engine from the check to the commit:
    /// run as two calls, two concurrent first saves could both pass the check and both "win"
    /// (<c>Of_two_concurrent_first_saves_one_wins</c> failed about one run in four).
    /// </remarks>
    public void Save(ConversationState state)
    {
        var write = PrepareSave(state);
        database.InTransaction(write);
    }

    /// <summary>
    /// Serialises the state now and returns the write (version check, upsert) to run later inside a transaction:
    /// the turn pipeline's shared commit then holds the engine lock only for the database work. The object changes
    /// (new version) only once that write committed, so a group commit that rolls back can run it again.
    /// </summary>
    public Action PrepareSave(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var stored = Serialise(state, state.Version + 1);
        return () =>
        {
            var storedVersion = Committed(state.Id)?.Version ?? 0;
            if (storedVersion != state.Version)
            {
                throw new ConcurrencyException(state.Id, state.Version, storedVersion);
            }

            Write(state.Id, stored);
            database.AfterCommit(() =>
            {
                state.Version = stored.Version;
                state.UpdatedAt = stored.UpdatedAt;
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
        Write(key, Serialise(state, state.Version + 1));
    }

    private StoredState Serialise(ConversationState state, int version) =>
        new(version, time.GetUtcNow().UtcDateTime, JsonSerializer.SerializeToUtf8Bytes(state, DialogStateJson.Options));

    private void Write(string key, StoredState stored)
    {
        // Forgotten at once, remembered again after the commit: a writer that takes the engine between this commit and
        // its after-commit action reads the version from the database instead of an older cached one.
        _committed.Remove(key);
        _states.Upsert(new BsonDocument
        {
            ["_id"] = key,
            [VersionField] = stored.Version,
            [UpdatedAtField] = stored.UpdatedAt,
            [JsonField] = stored.Json,
        });
        database.AfterCommit(() => _committed.Set(key, stored));
    }

    private StoredState? Committed(string key)
    {
        if (_committed.TryGet(key, out var cached))
        {
            return cached;
        }

        var document = _states.FindById(key);
        if (document is null)
        {
            return null;
        }

        var stored = new StoredState(
            document[VersionField].AsInt32,
            document[UpdatedAtField].AsDateTime.ToUniversalTime(),
            document[JsonField] is { IsBinary: true } json ? json.AsBinary : FromBson(document));
        if (database.ReadsCommitted(CollectionName))
        {
            _committed.Set(key, stored);
        }

        return stored;
    }

    /// <summary>The JSON of a state saved as a BSON document (before dialog state became JSON).</summary>
    private byte[] FromBson(BsonDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(database.Mapper.ToObject<ConversationState>(document), DialogStateJson.Options);

    /// <summary>A committed state: its version, when it was saved, and its JSON (never changed once built).</summary>
    private sealed record StoredState(int Version, DateTime UpdatedAt, byte[] Json);
}
