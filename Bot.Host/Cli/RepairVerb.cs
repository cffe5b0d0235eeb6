using System.Globalization;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Microsoft.Extensions.Options;

namespace Bot.Host.Cli;

/// <summary>
/// <c>repair</c>: checks the main and the tips' database files and rebuilds a damaged one into a new file, keeping the
/// damaged one beside it, then says what was recovered and what was lost (issue 14, finding 5). The host must be
/// stopped: the verb takes the data folder's lock. Exit code 0 when every file is sound or was rebuilt, 1 when a
/// rebuild failed (restore the latest backup), 3 when the folder is in use.
/// </summary>
internal static class RepairVerb
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, output, error, () => VerbHost.Build().Services, cancellationToken);

    /// <summary>Runs with the given services (tests point them at a temporary folder).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<IServiceProvider> buildServices, CancellationToken cancellationToken)
    {
        if (args.Length != 0)
        {
            await error.WriteLineAsync("Usage: repair   (stop the host first; every database file of the data folder is checked)");
            return 2;
        }

        var services = buildServices();
        await using var owner = services as IAsyncDisposable;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        try
        {
            // Held until the services are disposed, after the last file.
            _ = services.GetRequiredService<DataFolderLock>();
        }
        catch (DataFolderInUseException ex)
        {
            await error.WriteLineAsync("repair: " + ex.Message);
            return 3;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var failed = false;
        foreach (var path in new[] { storage.DatabasePath, storage.TipsDatabasePath })
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = DatabaseRepair.Repair(path, time);
            await WriteAsync(report, output);
            failed |= report.Outcome == RepairOutcome.Failed;
        }

        return failed ? 1 : 0;
    }

    private static async Task WriteAsync(RepairReport report, TextWriter output)
    {
        var name = Path.GetFileName(report.Path);
        switch (report.Outcome)
        {
            case RepairOutcome.Missing:
                await output.WriteLineAsync($"{name}: no such file (nothing to check).");
                return;
            case RepairOutcome.Sound:
                await output.WriteLineAsync($"{name}: no damage found; nothing changed.");
                return;
            case RepairOutcome.Failed:
                await output.WriteLineAsync($"{name}: damaged ({report.Problem}) and could not be rebuilt: {string.Join("; ", report.Errors)}");
                await output.WriteLineAsync($"  The damaged file is unchanged (a copy is at {report.KeptDamagedFile}). Restore the latest backup (README, \"Backup and restore\").");
                return;
        }

        await output.WriteLineAsync($"{name}: damaged ({report.Problem}); rebuilt into a new file.");
        await output.WriteLineAsync($"  The damaged file is kept as {report.KeptDamagedFile} (with its log, if it had one).");
        foreach (var collection in report.Collections)
        {
            var before = collection.Before is { } known ? known.ToString(CultureInfo.InvariantCulture) : "?";
            var lost = collection.Lost is > 0 ? $", {collection.Lost} lost" : collection.Before is null ? ", count before unknown" : string.Empty;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {collection.Name}: {collection.After} of {before} documents recovered{lost}"));
        }

        foreach (var line in report.Errors)
        {
            await output.WriteLineAsync("  unreadable: " + line);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {report.Lost} documents lost in all. The rebuilt file passed the integrity check; the host can start."));
    }
}
