using System.Buffers.Binary;
using Bot.Dialogs.Storage;
using Bot.Host.Cli;
using Bot.Tests.Dialogs.Commitments;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Reliability;

/// <summary>
/// Finding 5 of issue 14: with five bytes cut (or zeroed) at the end of the main file, the host started, /healthz
/// said 200, and every message failed; LiteDB's own rebuild could have saved most of the data, but the host offered
/// no way to run it. Now the host refuses a damaged file with a clear message, and the <c>repair</c> verb rebuilds it
/// into a new file, keeps the damaged one and says what was lost.
/// </summary>
public sealed class DamagedDatabaseTests : IDisposable
{
    private const int Commitments = 12;
    private static readonly Dictionary<string, string> Settings = new() { ["RateLimit__TurnsPerMinute"] = "0" };
    private const int DatabaseFilesPageSize = 8192;
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("cut")]
    [InlineData("zeroed")]
    public async Task TheHostRefusesADamagedFileAndRepairRebuildsIt(string damage)
    {
        await FillAsync();
        var path = new StorageOptions { DataDirectory = _data.Path }.DatabasePath;
        Damage(path, damage);

        var (exitCode, output) = await HostProcess.RunUntilExitAsync(_data.Path, Settings, TestContext.Token);
        Assert.True(exitCode == 3, output);
        Assert.Contains("is damaged", output, StringComparison.Ordinal);
        Assert.Contains("-- repair", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);

        // (LiteDB itself may have flagged the file as needing a rebuild in its header while the host checked it.)
        var damaged = File.ReadAllBytes(path);
        var (repairExit, report, _) = await RepairAsync();
        Assert.Equal(0, repairExit);
        Assert.Contains("sinergi.db: damaged", report, StringComparison.Ordinal);
        Assert.Contains("rebuilt into a new file", report, StringComparison.Ordinal);
        Assert.Contains("documents lost in all", report, StringComparison.Ordinal);
        Assert.Contains("tips.db: no damage found", report, StringComparison.Ordinal);
        var kept = Assert.Single(Directory.GetFiles(_data.Path, "sinergi.damaged-*.db"));
        Assert.Equal(damaged, File.ReadAllBytes(kept));

        // The rebuilt file is served, with what could be read.
        using (var host = await HostProcess.StartAsync(_data.Path, Settings, TestContext.Token))
        {
            var shown = await host.SayAsync("check", "fokal", "check-1", "rencana aksi saya", TestContext.Token);
            Assert.Contains("RA-2027-001", shown, StringComparison.Ordinal);
        }

        // A second repair finds nothing to do.
        var (_, again, _) = await RepairAsync();
        Assert.Contains("sinergi.db: no damage found", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepairRefusesWhileAHostServesTheFolder()
    {
        using var host = await HostProcess.StartAsync(_data.Path, Settings, TestContext.Token);

        var (exitCode, _, error) = await RepairAsync();

        Assert.Equal(3, exitCode);
        Assert.Contains($"in use by process {host.Id}", error, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A coordinator, an OPD, a fokal and their commitments (with the reminders planned for them).</summary>
    private async Task FillAsync()
    {
        using var host = new DialogsHost(_data.Path, new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero)));
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "fokal");
        for (var i = 1; i <= Commitments; i++)
        {
            await CommitmentScript.RegisterAsync(fokal, $"Kegiatan uji nomor {i} dengan judul yang cukup panjang");
        }
    }

    private static void Damage(string path, string damage)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        if (damage == "cut")
        {
            file.SetLength(file.Length - 5);
            return;
        }

        // Zeroed: the last five bytes of the last data page, where its slot table (positions of its documents) ends.
        var page = new byte[DatabaseFilesPageSize];
        for (var index = (file.Length / DatabaseFilesPageSize) - 1; index > 0; index--)
        {
            file.Position = index * DatabaseFilesPageSize;
            file.ReadExactly(page);
            if (page[4] == 4 && BinaryPrimitives.ReadUInt32LittleEndian(page) == index)
            {
                file.Position = ((index + 1) * DatabaseFilesPageSize) - 5;
                file.Write(new byte[5]);
                return;
            }
        }

        throw new InvalidOperationException("no data page to damage");
    }


    private async Task<(int ExitCode, string Output, string Error)> RepairAsync()
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exitCode = await RepairVerb.RunAsync(
            [], output, error, () => VerbHost.Build(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path }).Services, TestContext.Token);
        return (exitCode, output.ToString(), error.ToString());
    }
}
