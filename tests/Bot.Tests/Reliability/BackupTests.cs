using Bot.Host.Cli;
using Bot.Tests.Support;
using Xunit.Abstractions;

namespace Bot.Tests.Reliability;

/// <summary>
/// The <c>backup</c> verb of issue 14: a consistent copy of a data folder while a host serves it (the verb runs as
/// its own process would, the host in a child process), made while turns keep writing; then the restore the README
/// describes (copy the backup into an empty data folder, start a host) brings the data back.
/// </summary>
public sealed class BackupTests(ITestOutputHelper output) : IDisposable
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["RateLimit__TurnsPerMinute"] = "0",
        ["Bot__Coordinators__0"] = "test|koord",
    };

    private readonly TempDirectory _data = new();
    private readonly TempDirectory _target = new();
    private readonly TempDirectory _restored = new();

    [Fact]
    public async Task AnOnlineBackupWhileTurnsWriteCanBeRestored()
    {
        string report;
        using (var host = await HostProcess.StartAsync(_data.Path, Settings, TestContext.Token))
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Contains("tersimpan", await host.SayAsync("koord-conv", "koord", $"add-{i}", $"tambah opd Dinas Cadangan {i}", TestContext.Token), StringComparison.Ordinal);
            }

            // Turns keep writing while the copy is made.
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    await host.SayAsync($"busy-{n}", $"busy-{n}", $"busy-{n}", "bantuan", TestContext.Token);
                }
            });

            var folder = Path.Combine(_target.Path, "cadangan");
            var (exitCode, text, error) = await BackupAsync(folder);
            await stop.CancelAsync();
            await writer;
            Assert.True(exitCode == 0, error);
            report = text;
            output.WriteLine(report);
            Assert.Contains("Backup written to " + folder, report, StringComparison.Ordinal);
            Assert.Contains("sinergi.db:", report, StringComparison.Ordinal);
            Assert.Contains("tips.db:", report, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "sinergi.db")));
            Assert.True(File.Exists(Path.Combine(folder, "directline-signing.key")));
            Assert.Empty(Directory.GetFiles(folder, "*-log.db"));
        }

        // Restore: the backup's files are the data folder.
        foreach (var file in Directory.GetFiles(Path.Combine(_target.Path, "cadangan"), "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(_restored.Path, Path.GetRelativePath(Path.Combine(_target.Path, "cadangan"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        using var restored = await HostProcess.StartAsync(_restored.Path, Settings, TestContext.Token);
        var list = await restored.SayAsync("koord-conv", "koord", "list-after", "daftar opd", TestContext.Token);
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains($"Dinas Cadangan {i}", list, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnOfflineBackupOpensTheFolderItself()
    {
        using (var host = await HostProcess.StartAsync(_data.Path, Settings, TestContext.Token))
        {
            await host.SayAsync("koord-conv", "koord", "add", "tambah opd Dinas Luring", TestContext.Token);
        }

        var (exitCode, text, error) = await BackupAsync(null);

        Assert.True(exitCode == 0, error);
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(_data.Path, "backups")));
        Assert.Contains("Backup written to " + folder, text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "tips.db")));
    }

    public void Dispose()
    {
        _data.Dispose();
        _target.Dispose();
        _restored.Dispose();
    }

    private async Task<(int ExitCode, string Output, string Error)> BackupAsync(string? folder)
    {
        await using var text = new StringWriter();
        await using var error = new StringWriter();
        var exitCode = await BackupVerb.RunAsync(
            folder is null ? [] : [folder], text, error,
            () => VerbHost.Build(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path }).Services,
            TestContext.Token);
        return (exitCode, text.ToString(), error.ToString());
    }
}
