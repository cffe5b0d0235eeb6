using Bot.Dialogs.Activities;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The last conversation reference of each conversation and of each user, refreshed on every turn, so that
/// reminders and notifications can reach people later (DESIGN.md "The turn pipeline"). A turn whose reference is
/// the one already stored, from a user whose latest conversation it already is, written less than
/// <see cref="Refresh"/> ago, writes nothing: that is nearly every turn. The row's time only orders a user's
/// conversations; across linked accounts (web and WhatsApp) it can lag by at most that long.
/// </summary>
internal sealed class LiteDbConversationReferenceStore(SinergiDatabase database, TimeProvider time) : IConversationReferenceStore
{
    private const int RememberedUsers = 8_192;
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(5);

    private const string CollectionName = "conversation_references";

    private readonly ILiteCollection<StoredReference> _references = CreateCollection(database);
    private readonly ScanOrSeek _scanOrSeek = new(database, CollectionName, () => database.Collection<BsonDocument>(CollectionName).Count());

    // Per user key: the conversation key and JSON last committed for them (this store is the collection's only writer).
    private readonly BoundedCache<(string ConversationKey, string Json, DateTime WrittenAt)> _latestByUser = new(RememberedUsers);

    public void Save(ConversationReference reference, string? userKey) => PrepareSave(reference, userKey)?.Invoke();

    /// <summary>
    /// Does the work of <see cref="Save"/> that needs no database (the JSON, the is-it-unchanged check) now, and
    /// returns the write to run later inside a transaction, or null when nothing needs writing. The turn pipeline
    /// prepares here so that its shared commit holds the engine lock as briefly as possible.
    /// </summary>
    public Action? PrepareSave(ConversationReference reference, string? userKey)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var json = System.Text.Json.JsonSerializer.Serialize(reference with { ActivityId = null }, ActivityJson.Options);
        var key = ConversationKeys.For(reference.ChannelId, reference.Conversation.Id ?? string.Empty);
        var now = time.GetUtcNow().UtcDateTime;
        if (userKey is not null && _latestByUser.TryGet(userKey, out var latest)
            && latest.ConversationKey == key && latest.Json == json && now - latest.WrittenAt < Refresh)
        {
            return null;
        }

        var row = new StoredReference { Id = key, UserKey = userKey, Json = json, UpdatedAt = now };
        return () =>
        {
            _references.Upsert(row);
            if (userKey is not null)
            {
                database.AfterCommit(() => _latestByUser.Set(userKey, (key, json, now)));
            }
        };
    }

    public ConversationReference? FindByConversation(string channelId, string conversationId) =>
        Parse(_references.FindById(ConversationKeys.For(channelId, conversationId)));

    /// <summary>The conversation where the user spoke last, on any channel.</summary>
    public ConversationReference? FindLatestForUser(string userKey) =>
        Parse(_references.Find(r => r.UserKey == userKey).OrderByDescending(r => r.UpdatedAt).FirstOrDefault());

    public (ConversationReference Reference, string ConversationKey)? FindLatestForAccounts(IEnumerable<string> accountKeys)
    {
        ArgumentNullException.ThrowIfNull(accountKeys);
        var latest = accountKeys
            .SelectMany(account => _references.Find(r => r.UserKey == account))
            .MaxBy(r => r.UpdatedAt);
        return latest is not null && Parse(latest) is { } reference ? (reference, latest.Id) : null;
    }

    /// <summary>
    /// One query over the <c>UserKey</c> index for every account, or one pass over the collection when most of it is
    /// wanted (<see cref="ScanOrSeek"/>); only each owner's latest row is mapped and parsed.
    /// </summary>
    public IReadOnlyDictionary<string, (ConversationReference Reference, string ConversationKey)> FindLatestForOwners(IReadOnlyDictionary<string, IReadOnlyList<string>> accountsByOwner)
    {
        var owners = AccountOwners.ByAccount(accountsByOwner);
        var latest = new Dictionary<string, StoredReference>(StringComparer.Ordinal);
        if (owners.Count > 0 && _scanOrSeek.Scan(owners.Count))
        {
            var best = new Dictionary<string, (DateTime UpdatedAt, BsonDocument Row)>(StringComparer.Ordinal);
            foreach (var document in database.Collection<BsonDocument>(CollectionName).FindAll())
            {
                if (document[nameof(StoredReference.UserKey)] is { IsString: true } userKey && owners.Contains(userKey.AsString))
                {
                    var updatedAt = document[nameof(StoredReference.UpdatedAt)].AsDateTime;
                    foreach (var owner in owners[userKey.AsString])
                    {
                        if (!best.TryGetValue(owner, out var seen) || updatedAt > seen.UpdatedAt)
                        {
                            best[owner] = (updatedAt, document);
                        }
                    }
                }
            }

            foreach (var (owner, (_, row)) in best)
            {
                latest[owner] = database.Mapper.ToObject<StoredReference>(row);
            }
        }
        else
        {
            var accounts = new BsonArray(owners.Select(g => new BsonValue(g.Key)));
            var rows = accounts.Count == 0 ? [] : _references.Find(Query.In(nameof(StoredReference.UserKey), accounts));
            foreach (var row in rows)
            {
                foreach (var owner in owners[row.UserKey!])
                {
                    if (!latest.TryGetValue(owner, out var best) || row.UpdatedAt > best.UpdatedAt)
                    {
                        latest[owner] = row;
                    }
                }
            }
        }

        var found = new Dictionary<string, (ConversationReference, string)>(latest.Count, StringComparer.Ordinal);
        foreach (var (owner, row) in latest)
        {
            if (Parse(row) is { } reference)
            {
                found[owner] = (reference, row.Id);
            }
        }

        return found;
    }

    private static ILiteCollection<StoredReference> CreateCollection(SinergiDatabase database)
    {
        // Once, not per turn: EnsureIndex is a write transaction of its own.
        var references = database.Collection<StoredReference>(CollectionName);
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
