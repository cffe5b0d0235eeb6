using System.Collections.Concurrent;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// A thread-safe map that never holds more than its capacity: past it, an arbitrary tenth of the entries is
/// dropped. The per-turn caches use it so that memory stays flat however many conversations and users pass through
/// (BENCHMARKS.md "Soak"); a dropped entry only costs one read from the database.
/// </summary>
internal sealed class BoundedCache<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out TValue value) => _entries.TryGetValue(key, out value!);

    public void Set(string key, TValue value)
    {
        _entries[key] = value;
        if (_entries.Count > capacity)
        {
            Trim();
        }
    }

    private void Trim()
    {
        var excess = _entries.Count - (capacity - (capacity / 10));
        foreach (var key in _entries.Keys.Take(Math.Max(excess, 1)))
        {
            _entries.TryRemove(key, out _);
        }
    }
}
