using System.Globalization;
using Bot.Dialogs.Progress;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Storage.LiteDb;
using Bot.Host.Web.SignedLinks;

namespace Bot.Host.Operations;

/// <summary>
/// A consistent copy of a data folder while the host serves it (issue 14): each database is copied under its engine
/// lock right after a checkpoint (<see cref="SinergiDatabase.BackupTo"/>), then read back through a fresh engine;
/// the signing keys and the Data Protection key ring are copied as files (the ingested documents, from which the search
/// index is rebuilt, are in <c>sinergi.db</c>; a <c>knowledge/documents</c> folder not yet moved into it is copied too). The
/// copy goes to <c>&lt;DataDirectory&gt;/backups/&lt;UTC time&gt;/</c>, laid out like a data folder, so restoring
/// it is copying it back (README, "Backup and restore").
/// </summary>
internal static class DataBackup
{
    public const string BackupsFolder = "backups";
    private static readonly string[] KeyFiles = [DirectLineSigningKey.FileName, LegacyEvidenceLinks.KeyFileName];

    /// <summary>Writes the backup and returns where it is and what each database holds.</summary>
    public static BackupReport Run(SinergiDatabase main, TipDatabase tips, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(tips);
        ArgumentNullException.ThrowIfNull(time);
        var dataFolder = Path.GetDirectoryName(main.Path)!;
        var target = Path.Combine(dataFolder, BackupsFolder, time.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(target);
        var counts = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal)
        {
            [Path.GetFileName(main.Path)] = main.BackupTo(Path.Combine(target, Path.GetFileName(main.Path))),
            [Path.GetFileName(tips.Database.Path)] = tips.Database.BackupTo(Path.Combine(target, Path.GetFileName(tips.Database.Path))),
        };

        foreach (var key in KeyFiles.Select(k => Path.Combine(dataFolder, k)).Where(File.Exists))
        {
            File.Copy(key, Path.Combine(target, Path.GetFileName(key)));
        }

        // The Data Protection key ring: without it no link handed out before the backup works after a restore.
        var keyRing = Path.Combine(dataFolder, SignedLinksServiceCollectionExtensions.KeysFolder);
        if (Directory.Exists(keyRing))
        {
            var copied = Directory.CreateDirectory(Path.Combine(target, SignedLinksServiceCollectionExtensions.KeysFolder)).FullName;
            foreach (var file in Directory.EnumerateFiles(keyRing, "*.xml"))
            {
                File.Copy(file, Path.Combine(copied, Path.GetFileName(file)));
            }
        }

        var documents = Path.Combine(dataFolder, "knowledge", "documents");
        if (Directory.Exists(documents))
        {
            var copied = Directory.CreateDirectory(Path.Combine(target, "knowledge", "documents")).FullName;
            foreach (var file in Directory.EnumerateFiles(documents, "*.json"))
            {
                File.Copy(file, Path.Combine(copied, Path.GetFileName(file)));
            }
        }

        return new BackupReport(target, counts);
    }
}

/// <summary>Where a backup went and the documents per collection of each database copied.</summary>
internal sealed record BackupReport(string Folder, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Databases);
