namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The readable copies of confidential activities, in memory only and for a short time, so that a polling
/// client (or a socket that reconnects) still gets the real text while the database holds only the redacted
/// form. Bounded: the oldest copies go first. A restart loses them all; the client then sees the marker.
/// </summary>
internal sealed class ConfidentialOverlay(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxEntries = 5000;

    private readonly Dictionary<string, (string Json, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Put(string activityId, string json)
    {
        lock (_entries)
        {
            DropExpired();
            if (!_entries.ContainsKey(activityId))
            {
                _order.Enqueue(activityId);
            }

            _entries[activityId] = (json, time.GetUtcNow() + Lifetime);
            while (_entries.Count > MaxEntries && _order.TryDequeue(out var oldest))
            {
                _entries.Remove(oldest);
            }
        }
    }

    public string? Find(string activityId)
    {
        lock (_entries)
        {
            return _entries.TryGetValue(activityId, out var entry) && entry.Expires > time.GetUtcNow() ? entry.Json : null;
        }
    }

    public void Remove(string activityId)
    {
        lock (_entries)
        {
            _entries.Remove(activityId);
        }
    }

    private void DropExpired()
    {
        var now = time.GetUtcNow();
        while (_order.TryPeek(out var oldest) && (!_entries.TryGetValue(oldest, out var entry) || entry.Expires <= now))
        {
            _order.Dequeue();
            _entries.Remove(oldest);
        }
    }
}
