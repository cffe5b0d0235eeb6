using System.Globalization;
using System.Net.Http.Headers;
using Bot.Dialogs.Storage;
using Bot.Host.Operations;
using Bot.Host.Storage.LiteDb;
using Microsoft.Extensions.Options;

namespace Bot.Host.Cli;

/// <summary>
/// <c>backup [folder]</c>: a consistent copy of the data folder (both databases, the signing keys, the ingested
/// documents) into <c>&lt;DataDirectory&gt;/backups/&lt;UTC time&gt;/</c>, then moved to <c>folder</c> when one is given.
/// While a host runs on the folder, the verb asks it over its loopback address (the host holds the files and
/// copies each database under its engine lock, <see cref="DataBackup"/>); otherwise the verb opens the folder itself.
/// Exit code 0 on success, 1 on failure, 3 when the folder is held by a process that cannot be reached.
/// </summary>
internal static class BackupVerb
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, output, error, () => VerbHost.Build().Services, cancellationToken);

    /// <summary>Runs with the given services (tests point them at a temporary folder).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<IServiceProvider> buildServices, CancellationToken cancellationToken)
    {
        if (args.Length > 1 || args.Any(a => a.StartsWith('-')))
        {
            await error.WriteLineAsync("Usage: backup [target-folder]");
            return 2;
        }

        var services = buildServices();
        await using var owner = services as IAsyncDisposable;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        BackupReport report;
        try
        {
            report = DataBackup.Run(services.GetRequiredService<SinergiDatabase>(), services.GetRequiredService<TipDatabase>(), services.GetRequiredService<TimeProvider>());
        }
        catch (DataFolderInUseException inUse)
        {
            if (await AskRunningHostAsync(storage, inUse, cancellationToken) is not { } remote)
            {
                await error.WriteLineAsync("backup: " + inUse.Message + " That process did not answer a backup request on its loopback address.");
                return 3;
            }

            report = remote;
        }
        catch (Exception ex) when (ex is DatabaseDamagedException or StorageUnavailableException or IOException)
        {
            await error.WriteLineAsync("backup: " + ex.Message);
            return 1;
        }

        var folder = report.Folder;
        if (args.Length == 1)
        {
            folder = Path.GetFullPath(args[0]);
            CopyFolder(report.Folder, folder);
            Directory.Delete(report.Folder, recursive: true);
        }

        await output.WriteLineAsync($"Backup written to {folder}");
        foreach (var (file, counts) in report.Databases)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {file}: {counts.Values.Sum()} documents in {counts.Count} collections, read back and sound"));
        }

        await output.WriteLineAsync("Restore: stop the host, copy these files into the data folder (replacing sinergi.db and tips.db, removing their -log files), start the host.");
        return 0;
    }

    /// <summary>Asks the host holding the folder for the backup; null when it cannot be reached.</summary>
    private static async Task<BackupReport?> AskRunningHostAsync(StorageOptions storage, DataFolderInUseException inUse, CancellationToken cancellationToken)
    {
        var tokenFile = ControlToken.PathIn(storage.DataDirectory);
        if (inUse.Holder is not { Addresses.Count: > 0 } holder || !File.Exists(tokenFile))
        {
            return null;
        }

        var token = (await File.ReadAllTextAsync(tokenFile, cancellationToken)).Trim();
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        foreach (var address in holder.Addresses.Select(Loopback).OfType<Uri>())
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, OperationsEndpoints.BackupPath));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadFromJsonAsync<BackupReport>(cancellationToken);
                }
            }
            catch (HttpRequestException)
            {
                // Try the next address.
            }
        }

        return null;
    }

    /// <summary>A listening address as this machine reaches it ("http://+:3978" and "http://0.0.0.0:3978" become localhost).</summary>
    private static Uri? Loopback(string address)
    {
        var normalized = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://[::1]", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out var uri) ? uri : null;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
