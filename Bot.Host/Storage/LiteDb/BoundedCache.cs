using Microsoft.Extensions.Caching.Memory;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// A typed view of a size-limited <see cref="MemoryCache"/> (Microsoft.Extensions.Caching.Memory): every entry
/// counts one against the capacity, and past it the library compacts the cache (a tenth at a time, the least
/// recently used first). The per-turn caches use it so that memory stays flat however many conversations and users
/// pass through (BENCHMARKS.md "Soak"); an entry not kept only costs one read from the database.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "Held by singletons for the life of the process; a MemoryCache without expirations holds no timer or unmanaged resource.")]
internal sealed class BoundedCache<TValue>(int capacity)
{
    private static readonly MemoryCacheEntryOptions OneEntry = new() { Size = 1 };

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });

    public bool TryGet(string key, out TValue value)
    {
        if (_cache.TryGetValue(key, out var found) && found is TValue typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(string key, TValue value) => _cache.Set(key, value, OneEntry);

    public void Remove(string key) => _cache.Remove(key);

    public void Clear() => _cache.Clear();
}
