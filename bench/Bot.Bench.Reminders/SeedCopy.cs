using Bot.Host.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench.Reminders;

/// <summary>A copy of a seeded database, so that several runs (and branches) can share one slow seeding.</summary>
internal static class SeedCopy
{
    /// <summary>Copies the saved database files into the empty run folder; false when nothing was saved.</summary>
    public static bool TryRestore(string saved, string folder)
    {
        var files = Directory.Exists(saved) ? Directory.GetFiles(saved, "*.db") : [];
        if (files.Length == 0)
        {
            return false;
        }

        Directory.CreateDirectory(folder);
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return true;
    }

    /// <summary>Folds the log into the data file and copies the database files of the run folder to <paramref name="saved"/>.</summary>
    public static void Save(IServiceProvider provider, string folder, string saved)
    {
        provider.GetRequiredService<SinergiDatabase>().Raw.Checkpoint();
        Directory.CreateDirectory(saved);
        foreach (var file in Directory.GetFiles(folder, "*.db"))
        {
            File.Copy(file, Path.Combine(saved, Path.GetFileName(file)), overwrite: true);
        }

        Console.WriteLine($"Saved a copy of the seeded database in {saved}");
    }
}
