using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Storage;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>Where each conversation can be reached again, per conversation and per user account (latest first).</summary>
internal sealed class PostgresConversationReferenceStore(PostgresDatabase database, TimeProvider time) : IConversationReferenceStore
{
    public void Save(ConversationReference reference, string? userKey) => PrepareSave(reference, userKey)();

    Action? IConversationReferenceStore.PrepareSave(ConversationReference reference, string? userKey) => PrepareSave(reference, userKey);

    public Action PrepareSave(ConversationReference reference, string? userKey)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var json = JsonSerializer.Serialize(reference with { ActivityId = null }, ActivityJson.Options);
        var id = ConversationKeys.For(reference.ChannelId, reference.Conversation.Id ?? string.Empty);
        var updatedAt = time.GetUtcNow();
        return () => database.Write(
            """
            insert into conversation_references (id, user_key, json, updated_at) values (@id, @userKey, @json, @updatedAt)
            on conflict (id) do update set user_key = excluded.user_key, json = excluded.json, updated_at = excluded.updated_at
            """,
            new { id, userKey, json, updatedAt });
    }

    public ConversationReference? FindByConversation(string channelId, string conversationId) =>
        Latest("id = @id", new { id = ConversationKeys.For(channelId, conversationId) })?.Reference;

    public ConversationReference? FindLatestForUser(string userKey) => Latest("user_key = @userKey", new { userKey })?.Reference;

    public (ConversationReference Reference, string ConversationKey)? FindLatestForAccounts(IEnumerable<string> accountKeys)
    {
        ArgumentNullException.ThrowIfNull(accountKeys);
        return Latest("user_key = any(@accounts)", new { accounts = accountKeys.ToArray() });
    }

    /// <summary>Each account's latest row in one query (the <c>(user_key, updated_at desc)</c> index); the newest per owner wins.</summary>
    public IReadOnlyDictionary<string, (ConversationReference Reference, string ConversationKey)> FindLatestForOwners(IReadOnlyDictionary<string, IReadOnlyList<string>> accountsByOwner)
    {
        var owners = AccountOwners.ByAccount(accountsByOwner);
        var accounts = owners.Select(g => g.Key).ToArray();
        var rows = accounts.Length == 0 ? [] : database.Use((c, t) => c.Query<(string Id, string UserKey, string Json, DateTimeOffset UpdatedAt)>(
            "select distinct on (user_key) id, user_key, json, updated_at from conversation_references where user_key = any(@accounts) order by user_key, updated_at desc",
            new { accounts },
            t)).AsList();
        var found = new Dictionary<string, (ConversationReference, string)>(StringComparer.Ordinal);
        foreach (var owner in rows.SelectMany(r => owners[r.UserKey].Select(o => (Owner: o, Row: r))).GroupBy(p => p.Owner, StringComparer.Ordinal))
        {
            var newest = owner.MaxBy(p => p.Row.UpdatedAt).Row;
            if (JsonSerializer.Deserialize<ConversationReference>(newest.Json, ActivityJson.Options) is { } reference)
            {
                found[owner.Key] = (reference, newest.Id);
            }
        }

        return found;
    }

    private (ConversationReference Reference, string ConversationKey)? Latest(string condition, object parameters)
    {
        var row = database.Use((c, t) => c.QueryFirstOrDefault<(string Id, string Json)?>(
            $"select id, json from conversation_references where {condition} order by updated_at desc limit 1", parameters, t));
        return row is { } found && JsonSerializer.Deserialize<ConversationReference>(found.Json, ActivityJson.Options) is { } reference
            ? (reference, found.Id)
            : null;
    }
}
