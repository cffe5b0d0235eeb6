using System.Globalization;
using LiteDB.Engine;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Rebuilds a damaged database file (issue 14, finding 5: LiteDB's own rebuild recovered all but 14 of 280 rows,
/// yet the host offered no way to run it). The host must be stopped (the caller holds the folder's lock). The
/// damaged file and its log are kept under a new name; a copy is rebuilt by LiteDB's rebuild, which reads page by
/// page, skips what it cannot read and lists it; the rebuilt copy must pass the integrity check and then takes the
/// original's place. The report says, per collection, how many documents the damaged file's primary index knew and
/// how many came back, and which pages LiteDB could not read.
/// </summary>
public static class DatabaseRepair
{
    private const string ErrorsCollection = "_rebuild_errors";

    /// <summary>Checks <paramref name="path"/> and rebuilds it when damaged; never throws for damage, only reports.</summary>
    public static RepairReport Repair(string path, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(path))
        {
            return new RepairReport(path, RepairOutcome.Missing, null, null, [], []);
        }

        EngineHandle.TrimTornTails(path);
        var problem = Problem(path);
        if (problem is null)
        {
            return new RepairReport(path, RepairOutcome.Sound, null, null, [], []);
        }

        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var kept = Copy(path, Sibling(path, ".damaged-" + stamp));
        var work = Copy(path, Sibling(path, ".repair-" + stamp));
        var before = IndexedCounts(kept, Sibling(path, ".count-" + stamp));
        var errors = new List<string>();
        try
        {
            using (var engine = new LiteEngine(new EngineSettings { Filename = work }))
            {
                engine.Rebuild(new RebuildOptions { IncludeErrorReport = true });
                errors.AddRange(ReadErrors(engine));
                engine.DropCollection(ErrorsCollection);
                engine.Checkpoint();
            }

            // LiteDB's rebuild keeps its own "-backup" copies; the damaged file is kept already.
            DeleteWithLog(Sibling(work, "-backup"));
            File.Delete(Sibling(DurableFiles.LogPathOf(work), "-backup"));
            if (Problem(work) is { } still)
            {
                throw new InvalidDataException("the rebuilt copy is still damaged: " + still);
            }
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidDataException or InvalidCastException or IndexOutOfRangeException or ArgumentException)
        {
            DeleteWithLog(work);
            return new RepairReport(path, RepairOutcome.Failed, problem, kept, [], [ex.Message]);
        }

        var after = DatabaseFiles.Count(work);
        DeleteWithLog(path);
        File.Move(work, path);
        var collections = before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => new CollectionRecovery(name, before.GetValueOrDefault(name), after.GetValueOrDefault(name)))
            .ToList();
        return new RepairReport(path, RepairOutcome.Rebuilt, problem, kept, collections, errors);
    }

    /// <summary>Why the file cannot be served (its pages, or a document that cannot be read), or null.</summary>
    public static string? Problem(string path)
    {
        if (DatabaseIntegrity.CheckPages(path) is { } pages)
        {
            return pages;
        }

        try
        {
            DatabaseFiles.Count(path);
            return null;
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidCastException or IndexOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            return "a document could not be read: " + ex.Message;
        }
    }

    /// <summary>
    /// How many documents each collection's primary index lists (null when even that cannot be read), read from a
    /// scratch copy: LiteDB crops a file whose length is not a whole number of pages when it opens it, and the kept
    /// damaged file must stay as it was.
    /// </summary>
    private static Dictionary<string, long?> IndexedCounts(string kept, string scratch)
    {
        var counts = new Dictionary<string, long?>(StringComparer.Ordinal);
        Copy(kept, scratch);
        try
        {
            using var engine = new LiteEngine(new EngineSettings { Filename = scratch, ReadOnly = true });
            foreach (var name in DatabaseIntegrity.CollectionNames(engine))
            {
                counts[name] = CountKeys(engine, name);
            }
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidCastException or IndexOutOfRangeException)
        {
            // The damaged file does not even open: the report has the rebuilt counts only.
        }
        finally
        {
            DeleteWithLog(scratch);
        }

        return counts;
    }

    private static long? CountKeys(LiteEngine engine, string collection)
    {
        try
        {
            long count = 0;
            using var reader = engine.Query(collection, new Query { Select = "$._id" });
            while (reader.Read())
            {
                count++;
            }

            return count;
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidCastException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static List<string> ReadErrors(LiteEngine engine)
    {
        var errors = new List<string>();
        using var reader = engine.Query(ErrorsCollection, new Query());
        while (reader.Read())
        {
            var error = reader.Current.AsDocument;
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"page {error["pageID"]} ({error["origin"]}, collection {error["collection"]}): {error["message"]}"));
        }

        return errors;
    }

    private static string Copy(string path, string target)
    {
        DatabaseFiles.CopyDurably(path, target);
        var log = DurableFiles.LogPathOf(path);
        if (File.Exists(log))
        {
            DatabaseFiles.CopyDurably(log, DurableFiles.LogPathOf(target));
        }

        return target;
    }

    private static void DeleteWithLog(string path)
    {
        File.Delete(path);
        File.Delete(DurableFiles.LogPathOf(path));
    }

    /// <summary>"sinergi.db" with a suffix before the extension: "sinergi.damaged-20270301-080000.db".</summary>
    private static string Sibling(string path, string suffix) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + suffix + Path.GetExtension(path));
}

/// <summary>What became of one database file.</summary>
public sealed record RepairReport(
    string Path, RepairOutcome Outcome, string? Problem, string? KeptDamagedFile, IReadOnlyList<CollectionRecovery> Collections, IReadOnlyList<string> Errors)
{
    /// <summary>Documents known before and missing after, over every collection whose count before is known.</summary>
    public long Lost => Collections.Sum(c => c.Lost ?? 0);
}

/// <summary>One collection: documents its primary index listed in the damaged file (null: unreadable) and documents rebuilt.</summary>
public sealed record CollectionRecovery(string Name, long? Before, long After)
{
    public long? Lost => Before is { } before ? Math.Max(0, before - After) : null;
}

public enum RepairOutcome
{
    Missing,
    Sound,
    Rebuilt,
    Failed,
}
