using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bot.Dialogs.Storage;

/// <summary>
/// The persisted state of one conversation, kept as JSON (<see cref="Engine.Dialogs.DialogStateJson"/>). The key,
/// version and save time live beside the JSON in the store's record, not inside it.
/// </summary>
public sealed class ConversationState
{
    /// <summary>How many recent activity ids a conversation remembers; channels retry within seconds, not 32 turns later.</summary>
    public const int RememberedActivities = 32;

    [JsonIgnore]
    public string Id { get; set; } = string.Empty;

    /// <summary>Incremented on every save; the concurrency guard.</summary>
    [JsonIgnore]
    public int Version { get; set; }

    [JsonIgnore]
    public DateTime UpdatedAt { get; set; }

    /// <summary>The dialog stack, bottom first.</summary>
    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>Members already welcomed in this conversation (welcome each member once).</summary>
    public List<string> Welcomed { get; set; } = [];

    /// <summary>
    /// Ids of the last activities processed, oldest first. Kept in the state document, not in a collection of
    /// their own, so that recording one is part of the turn's single write and the record cannot grow without
    /// bound (a channel that retries must not cause a second turn).
    /// </summary>
    public List<string> RecentActivityIds { get; set; } = [];

    public bool HasProcessed(string? activityId) =>
        activityId is { Length: > 0 } && RecentActivityIds.Contains(activityId, StringComparer.Ordinal);

    public void RememberActivity(string? activityId)
    {
        if (activityId is not { Length: > 0 } || HasProcessed(activityId))
        {
            return;
        }

        RecentActivityIds.Add(activityId);
        if (RecentActivityIds.Count > RememberedActivities)
        {
            RecentActivityIds.RemoveRange(0, RecentActivityIds.Count - RememberedActivities);
        }
    }
}

/// <summary>One dialog on the stack: which dialog, its code version, and its own state (a JSON object).</summary>
public sealed class DialogFrame
{
    public string DialogId { get; set; } = string.Empty;
    public string? DialogVersion { get; set; }
    public JsonObject State { get; set; } = [];

    /// <summary>
    /// The user who started the dialog (their user id); only they may answer it, even where several people share the
    /// conversation. Null on frames saved before this was recorded.
    /// </summary>
    public string? StartedBy { get; set; }
}

/// <summary>The state changed between load and save.</summary>
public sealed class ConcurrencyException(string key, int expected, int actual)
    : Exception($"Conversation state '{key}' was saved by someone else (expected version {expected}, found {actual}).");
