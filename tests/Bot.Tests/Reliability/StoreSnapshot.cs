using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Reliability;

/// <summary>
/// The row count of every LiteDB collection (file storage included), to prove that refused requests left the
/// store as it was, and that the file still opens after the host stopped.
/// </summary>
public sealed record StoreSnapshot(IReadOnlyDictionary<string, int> Counts)
{
    public static StoreSnapshot Of(SinergiDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var raw = database.Raw;
        return new StoreSnapshot(raw.GetCollectionNames().Order(StringComparer.Ordinal).ToDictionary(n => n, n => raw.GetCollection(n).Count(), StringComparer.Ordinal));
    }

    /// <summary>Opens the database file of a stopped host the way the product does, and counts.</summary>
    public static StoreSnapshot Reopen(string dataDirectory)
    {
        WaitUntilClosed(dataDirectory);
        using var database = new SinergiDatabase(Options.Create(new StorageOptions { DataDirectory = dataDirectory }));
        return Of(database);
    }

    /// <summary>
    /// WebApplicationFactory's DisposeAsync can return before the host's singletons are disposed; opening the files
    /// while the old instance still writes its log reads a page half written. Waits (up to 15 s) until this process
    /// holds no file of the folder open (Linux: /proc/self/fd).
    /// </summary>
    internal static void WaitUntilClosed(string dataDirectory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var folder = System.IO.Path.GetFullPath(dataDirectory);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && Directory.GetFiles("/proc/self/fd").Any(fd => Target(fd)?.StartsWith(folder, StringComparison.Ordinal) == true))
        {
            Thread.Sleep(50);
        }

        static string? Target(string fd)
        {
            try
            {
                return new FileInfo(fd).LinkTarget;
            }
            catch (IOException)
            {
                return null; // the descriptor closed while we looked
            }
        }
    }

    public int this[string collection] => Counts.GetValueOrDefault(collection);

    /// <summary>The snapshot without the collections whose names start with any of the prefixes.</summary>
    public StoreSnapshot Without(params string[] prefixes) =>
        new(Counts.Where(c => !prefixes.Any(p => c.Key.StartsWith(p, StringComparison.Ordinal))).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));

    /// <summary>
    /// Fails with the collections whose counts differ (each as name: before -> after). An absent collection counts as
    /// empty: background jobs (the reminder sweep) create theirs, empty, whenever they first run.
    /// </summary>
    public void AssertUnchanged(StoreSnapshot after, string because)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changed = Counts.Keys.Union(after.Counts.Keys, StringComparer.Ordinal)
            .Where(n => this[n] != after[n])
            .Select(n => $"{n}: {(Counts.ContainsKey(n) ? this[n] : "absent")} -> {(after.Counts.ContainsKey(n) ? after[n] : "absent")}")
            .ToList();
        Assert.True(changed.Count == 0, because + ": " + string.Join(", ", changed));
    }
}
