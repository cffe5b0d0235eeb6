using Bot.Dialogs.Activities;
using LiteDB;

namespace Bot.Dialogs.Storage;

/// <summary>
/// The last conversation reference of each conversation and of each user, refreshed on every turn, so that
/// reminders and notifications can reach people later (DESIGN.md "The turn pipeline").
/// </summary>
public sealed class ConversationReferenceStore(SinergiDatabase database, TimeProvider time)
{
    private readonly ILiteCollection<StoredReference> _references = CreateCollection(database);

    public void Save(ConversationReference reference, string? userKey)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var json = System.Text.Json.JsonSerializer.Serialize(reference with { ActivityId = null }, ActivityJson.Options);
        _references.Upsert(new StoredReference
        {
            Id = ConversationKey(reference.ChannelId, reference.Conversation.Id ?? string.Empty),
            UserKey = userKey,
            Json = json,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        });
    }

    public ConversationReference? FindByConversation(string channelId, string conversationId) =>
        Parse(_references.FindById(ConversationKey(channelId, conversationId)));

    /// <summary>The conversation where the user spoke last, on any channel.</summary>
    public ConversationReference? FindLatestForUser(string userKey) =>
        Parse(_references.Find(r => r.UserKey == userKey).OrderByDescending(r => r.UpdatedAt).FirstOrDefault());

    public static string ConversationKey(string channelId, string conversationId) => channelId + "|" + conversationId;

    private static ILiteCollection<StoredReference> CreateCollection(SinergiDatabase database)
    {
        // Once, not per turn: EnsureIndex is a write transaction of its own.
        var references = database.Collection<StoredReference>("conversation_references");
        references.EnsureIndex(r => r.UserKey);
        return references;
    }

    private static ConversationReference? Parse(StoredReference? stored) =>
        stored is null ? null : System.Text.Json.JsonSerializer.Deserialize<ConversationReference>(stored.Json, ActivityJson.Options);

    internal sealed class StoredReference
    {
        public string Id { get; set; } = string.Empty;
        public string? UserKey { get; set; }
        public string Json { get; set; } = string.Empty;
        public DateTime UpdatedAt { get; set; }
    }
}
