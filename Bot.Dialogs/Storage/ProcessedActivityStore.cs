using LiteDB;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Storage;

/// <summary>Activity ids already processed: a channel that retries must not cause a second turn.</summary>
public sealed class ProcessedActivityStore(SinergiDatabase database, TimeProvider time, IOptions<StorageOptions> options)
{
    private readonly ILiteCollection<ProcessedActivity> _seen = database.Collection<ProcessedActivity>("processed_activities");

    /// <summary>True when the id was recorded before.</summary>
    public bool WasProcessed(string channelId, string conversationId, string activityId) =>
        _seen.FindById(Key(channelId, conversationId, activityId)) is not null;

    /// <summary>Records the id; false when it was recorded before.</summary>
    public bool TryMarkProcessed(string channelId, string conversationId, string activityId)
    {
        var key = Key(channelId, conversationId, activityId);
        try
        {
            _seen.Insert(new ProcessedActivity { Id = key, SeenAt = time.GetUtcNow().UtcDateTime });
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    private static string Key(string channelId, string conversationId, string activityId) => channelId + "|" + conversationId + "|" + activityId;

    /// <summary>Forgets ids older than the retention window.</summary>
    public int Prune()
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.ProcessedActivityRetention;
        return _seen.DeleteMany(p => p.SeenAt < cutoff);
    }

    internal sealed class ProcessedActivity
    {
        public string Id { get; set; } = string.Empty;
        public DateTime SeenAt { get; set; }
    }
}
