using LiteDB.Engine;

namespace Bot.Host.Storage.LiteDb;

/// <summary>Whole-file operations on database files that are not being served: copies, counts, checks.</summary>
internal static class DatabaseFiles
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> (a new file) and flushes the copy to disk.</summary>
    public static void CopyDurably(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        from.CopyTo(to);
        to.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Opens a database file that no one serves with a fresh engine, reads every document and returns the counts
    /// per collection; throws when a document cannot be read.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Count(string path)
    {
        using var engine = new LiteEngine(new EngineSettings { Filename = path, ReadOnly = true });
        return DatabaseIntegrity.ReadEverything(engine);
    }
}
