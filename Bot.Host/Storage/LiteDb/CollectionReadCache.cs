namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Remembers reads of one read-mostly collection, each valid until anything writes to that collection (see
/// <see cref="CollectionWriteCounters"/>). Values must be immutable: callers cache bytes or flags, not entities
/// that a turn could change.
/// </summary>
internal sealed class CollectionReadCache<TValue>(SinergiDatabase database, string collection, int capacity)
{
    private readonly BoundedCache<Entry> _entries = new(capacity);

    public TValue Get(string key, Func<TValue> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!database.ReadsCommitted(collection))
        {
            return read(); // this transaction or unit of work wrote here: what it reads is not committed yet
        }

        // The counter first, then the read: a write in between leaves the entry stale by its own counter.
        var version = database.WriteCounters.Read(collection);
        if (_entries.TryGet(key, out var entry) && entry.Version == version)
        {
            return entry.Value;
        }

        var value = read();
        _entries.Set(key, new Entry(version, value));
        return value;
    }

    private sealed record Entry(long Version, TValue Value);
}
