using LiteDB;

namespace Bot.Dialogs.Storage;

/// <summary>
/// One state document per conversation (the dialog stack and small per-conversation facts), saved with an
/// optimistic version check so that two writers can never silently overwrite each other.
/// </summary>
public sealed class ConversationStateStore(SinergiDatabase database, TimeProvider time)
{
    private readonly ILiteCollection<ConversationState> _states = database.Collection<ConversationState>("conversation_states");

    public ConversationState Load(string key) =>
        _states.FindById(key) ?? new ConversationState { Id = key, Version = 0 };

    /// <summary>Saves the state; throws <see cref="ConcurrencyException"/> when someone saved it since it was loaded.</summary>
    public void Save(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var stored = _states.FindById(state.Id);
        var storedVersion = stored?.Version ?? 0;
        if (storedVersion != state.Version)
        {
            throw new ConcurrencyException(state.Id, state.Version, storedVersion);
        }

        state.Version = storedVersion + 1;
        state.UpdatedAt = time.GetUtcNow().UtcDateTime;
        _states.Upsert(state);
    }

    /// <summary>Empties the dialog stack (used after a failed turn so a bad state cannot loop).</summary>
    public void ClearStack(string key)
    {
        var state = _states.FindById(key);
        if (state is null)
        {
            return;
        }

        state.Stack.Clear();
        state.Version++;
        state.UpdatedAt = time.GetUtcNow().UtcDateTime;
        _states.Update(state);
    }
}

/// <summary>The persisted state of one conversation.</summary>
public sealed class ConversationState
{
    public string Id { get; set; } = string.Empty;

    /// <summary>Incremented on every save; the concurrency guard.</summary>
    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The dialog stack, bottom first.</summary>
    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>Members already welcomed in this conversation (welcome each member once).</summary>
    public List<string> Welcomed { get; set; } = [];
}

/// <summary>One dialog on the stack: which dialog, its code version, and its own state.</summary>
public sealed class DialogFrame
{
    public string DialogId { get; set; } = string.Empty;
    public string? DialogVersion { get; set; }
    public BsonDocument State { get; set; } = [];
}

/// <summary>The state changed between load and save.</summary>
public sealed class ConcurrencyException(string key, int expected, int actual)
    : Exception($"Conversation state '{key}' was saved by someone else (expected version {expected}, found {actual}).");
