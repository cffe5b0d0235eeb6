namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Uploads of confidential turns (the tip photo, EXIF and all), held in memory only for a short time so that the
/// bot can read them and Web Chat can show them; never written to the database. Bounded in total size: the
/// oldest go first. A restart loses them (the tip itself keeps its own stripped copy).
/// </summary>
internal sealed class ConfidentialFiles(TimeProvider time)
{
    public const long MaxTotalBytes = 64L * 1024 * 1024;

    private readonly Dictionary<string, (StoredAttachment Info, byte[] Bytes, DateTimeOffset Expires)> _files = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private long _total;

    public void Put(StoredAttachment info, byte[] bytes)
    {
        lock (_files)
        {
            Remove(info.Id);
            _files[info.Id] = (info, bytes, time.GetUtcNow() + ConfidentialOverlay.Lifetime);
            _order.Enqueue(info.Id);
            _total += bytes.Length;
            var now = time.GetUtcNow();
            while (_order.TryPeek(out var oldest)
                && (!_files.TryGetValue(oldest, out var file) || file.Expires <= now || (_total > MaxTotalBytes && oldest != info.Id)))
            {
                _order.Dequeue();
                Remove(oldest);
            }
        }
    }

    public (StoredAttachment Info, byte[] Bytes)? Find(string id)
    {
        lock (_files)
        {
            return _files.TryGetValue(id, out var file) && file.Expires > time.GetUtcNow() ? (file.Info, file.Bytes) : null;
        }
    }

    public void RemoveConversation(string conversationId)
    {
        lock (_files)
        {
            foreach (var id in _files.Where(f => f.Value.Info.ConversationId == conversationId).Select(f => f.Key).ToList())
            {
                Remove(id);
            }
        }
    }

    private void Remove(string id)
    {
        if (_files.Remove(id, out var file))
        {
            _total -= file.Bytes.Length;
        }
    }
}
