using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Storage;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Where each conversation can be reached again, per conversation and per user account (latest first), refreshed by
/// every turn. As on LiteDB, a turn whose reference is the one stored, from the user whose latest conversation it
/// is, written less than <see cref="Refresh"/> ago, writes nothing (nearly every turn): the row's time only orders a
/// user's conversations, and may lag by at most that long. A turn knows the stored row from its first command
/// (<see cref="ReadStored"/>, read under the conversation's lock, so no other turn writes this row meanwhile);
/// without it, it writes.
/// </summary>
internal sealed class PostgresConversationReferenceStore(PostgresDatabase database, PostgresLastSenders lastSenders, TimeProvider time) : IConversationReferenceStore
{
    /// <summary>
    /// The conversation <c>@key</c>'s row as a <see cref="StoredReferenceRow"/>; overtaken when another conversation of the
    /// same account is at least as recent (the <c>(user_key, updated_at desc)</c> index).
    /// </summary>
    internal const string ReadStored =
        """
        select r.user_key as UserKey, r.json as Json, r.updated_at as UpdatedAt,
            exists (select 1 from conversation_references o where o.user_key = r.user_key and o.updated_at >= r.updated_at and o.id <> r.id) as Overtaken
        from conversation_references r where r.id = @key
        """;

    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(5);

    public void Save(ConversationReference reference, string? userKey) => PrepareSave(reference, userKey)?.Invoke();

    public Action? PrepareSave(ConversationReference reference, string? userKey)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var json = JsonSerializer.Serialize(reference with { ActivityId = null }, ActivityJson.Options);
        var id = ConversationKeys.For(reference.ChannelId, reference.Conversation.Id ?? string.Empty);
        var updatedAt = time.GetUtcNow();
        if (userKey is null)
        {
            return Write(id, userKey, json, updatedAt);
        }

        lastSenders.Saw(id, userKey);
        return database.Transactions.Recall<StoredReferenceRow>(StoredAs(id)) is { } stored
            && stored.UserKey == userKey && stored.Json == json && !stored.Overtaken && updatedAt - stored.UpdatedAt < Refresh
            ? null
            : Write(id, userKey, json, updatedAt);
    }

    private Action Write(string id, string? userKey, string json, DateTimeOffset updatedAt) => () => database.Write(
        """
        insert into conversation_references (id, user_key, json, updated_at) values (@id, @userKey, @json, @updatedAt)
        on conflict (id) do update set user_key = excluded.user_key, json = excluded.json, updated_at = excluded.updated_at
        """,
        new { id, userKey, json, updatedAt });

    /// <summary>The key a turn keeps its conversation's stored reference row under (a <see cref="StoredReferenceRow"/>).</summary>
    internal static string StoredAs(string conversationKey) => "conversation_references|" + conversationKey;

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

/// <summary>A row of <see cref="PostgresConversationReferenceStore.ReadStored"/>.</summary>
internal sealed class StoredReferenceRow
{
    public string? UserKey { get; set; }
    public string Json { get; set; } = string.Empty;
    public DateTimeOffset UpdatedAt { get; set; }
    public bool Overtaken { get; set; }
}
