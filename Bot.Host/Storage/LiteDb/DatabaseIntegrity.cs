using System.Buffers.Binary;
using System.Globalization;
using LiteDB.Engine;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The check a database file passes before it is served (issue 14, finding 5: with five bytes cut or zeroed at its
/// end, the host started, /healthz said 200 and every message failed). First the file's structure, page by page
/// (LiteDB 5 pages are 8 KiB and start with their own number and type): its length, the LiteDB header, and that
/// each page is where it says it is. Then, through the engine (the log's committed pages included), every document
/// of every collection is read. The second pass reads the whole database once; BENCHMARKS.md has its cost.
/// </summary>
internal static class DatabaseIntegrity
{
    private const int PageTypeOffset = 4;
    private const int HeaderInfoOffset = 32;
    private const byte MaxPageType = 4; // Empty, Header, Collection, Index, Data
    private static readonly byte[] HeaderInfo = "** This is a LiteDB file **"u8.ToArray();

    /// <summary>The first structural problem of the data file, or null when its pages are sound.</summary>
    public static string? CheckPages(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, DurableFiles.PageSize);
        if (file.Length == 0)
        {
            return null; // a new database
        }

        if (file.Length % DurableFiles.PageSize != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"its length, {file.Length} bytes, is not a whole number of {DurableFiles.PageSize}-byte pages");
        }

        var page = new byte[DurableFiles.PageSize];
        for (var index = 0L; index < file.Length / DurableFiles.PageSize; index++)
        {
            file.ReadExactly(page);
            if (index == 0 && !page.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo))
            {
                return "its first page is not a LiteDB header";
            }

            var id = BinaryPrimitives.ReadUInt32LittleEndian(page);
            if (id != index || page[PageTypeOffset] > MaxPageType)
            {
                return string.Create(CultureInfo.InvariantCulture, $"page {index} holds page number {id} of type {page[PageTypeOffset]}");
            }
        }

        return null;
    }

    /// <summary>Reads every document of every collection; returns the counts, or throws with the first unreadable one.</summary>
    public static IReadOnlyDictionary<string, long> ReadEverything(ILiteEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in CollectionNames(engine))
        {
            long count = 0;
            using (var reader = engine.Query(name, new Query()))
            {
                while (reader.Read())
                {
                    count++;
                }
            }

            counts[name] = count;
        }

        return counts;
    }

    /// <summary>The user collections (file storage's "_files" and "_chunks" included), from the system collection.</summary>
    public static IReadOnlyList<string> CollectionNames(ILiteEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var names = new List<string>();
        using var reader = engine.Query("$cols", new Query());
        while (reader.Read())
        {
            if (reader.Current["type"].AsString == "user")
            {
                names.Add(reader.Current["name"].AsString);
            }
        }

        return names;
    }
}
