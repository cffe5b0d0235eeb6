using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// A counter per collection, bumped on every write to it (even one later rolled back). A cache that remembers the
/// counter it saw before reading stays valid while the counter has not moved, without knowing who writes the
/// collection. Read-mostly collections (users, organisations, notices) are cached this way: a write anywhere
/// invalidates every cached read of that collection, which is cheap because such writes are rare.
/// </summary>
internal sealed class CollectionWriteCounters
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _counters = new(StringComparer.OrdinalIgnoreCase);

    public long Read(string collection) => Volatile.Read(ref Counter(collection).Value);

    public void Bump(string collection) => Interlocked.Increment(ref Counter(collection).Value);

    /// <summary>Every collection changes at once (a rebuild, a rename or a dropped collection).</summary>
    public void BumpAll()
    {
        foreach (var counter in _counters.Values)
        {
            Interlocked.Increment(ref counter.Value);
        }
    }

    private StrongBox<long> Counter(string collection) => _counters.GetOrAdd(collection, static _ => new StrongBox<long>());
}
