namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Whether a read of many keys is lighter as one pass over the whole collection than as one index seek per key.
/// LiteDB allocates an index node (key included) at every hop of a seek: about 19 KB per key for 10,000 users and
/// 21 KB for their conversation references (BENCHMARKS.md "Reminders", session 13), against a few KB per document
/// read in order. So past about one wanted key in <see cref="DocumentsPerSeek"/> documents the pass wins; a reminder
/// sweep at 08:00 asks for most of the fokal at once, a sweep at any other time for a handful. The collection is
/// counted again only after a write to it (<see cref="CollectionWriteCounters"/>).
/// </summary>
internal sealed class ScanOrSeek(SinergiDatabase database, string collection, Func<int> count)
{
    /// <summary>How many documents read in order cost about as much as one seek (19 KB against about 3 KB, rounded down).</summary>
    private const int DocumentsPerSeek = 6;

    /// <summary>Below this many keys the seeks are cheap whatever the collection (and nothing is counted).</summary>
    private const int SeekAlwaysBelow = 64;

    private readonly Lock _lock = new();
    private long _version = -1;
    private int _count;

    /// <summary>True when reading the whole collection is the lighter way to find <paramref name="wanted"/> keys.</summary>
    public bool Scan(int wanted)
    {
        if (wanted < SeekAlwaysBelow)
        {
            return false;
        }

        // The counter is read before counting: a write in between leaves it behind, and the next call counts again.
        var version = database.WriteCounters.Read(collection);
        int total;
        lock (_lock)
        {
            if (_version == version)
            {
                return (long)wanted * DocumentsPerSeek >= _count;
            }
        }

        total = count();
        lock (_lock)
        {
            (_version, _count) = (version, total);
        }

        return (long)wanted * DocumentsPerSeek >= total;
    }
}
