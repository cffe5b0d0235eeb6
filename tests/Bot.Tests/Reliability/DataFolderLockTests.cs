using Bot.Host.Cli;
using Bot.Tests.Support;

namespace Bot.Tests.Reliability;

/// <summary>
/// Finding 2 of issue 14: a second process on the same data folder (a second host, or the chat verb beside a running
/// host) started without complaint, and under load the two corrupted <c>conversation_states</c>. The first process
/// now holds an OS lock on the folder for its life; a second one is refused and told who holds it.
/// </summary>
public sealed class DataFolderLockTests : IDisposable
{
    private static readonly Dictionary<string, string> Settings = new() { ["RateLimit__TurnsPerMinute"] = "0" };
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task ASecondHostOnTheSameFolderRefusesAndNamesTheFirst()
    {
        using var first = await HostProcess.StartAsync(_data.Path, Settings, TestContext.Token);

        var (exitCode, output) = await HostProcess.RunUntilExitAsync(_data.Path, Settings, TestContext.Token);

        Assert.Equal(3, exitCode);
        Assert.Contains($"is in use by process {first.Id}", output, StringComparison.Ordinal);
        Assert.Contains("listening on " + first.BaseAddress.ToString().TrimEnd('/'), output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);

        // The first host carries on.
        Assert.Contains("Bantuan", await first.SayAsync("c1", "u1", "m1", "bantuan", TestContext.Token), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheChatVerbRefusesBesideARunningHostAndPointsToItsWebChat()
    {
        using var running = await HostProcess.StartAsync(_data.Path, Settings, TestContext.Token);
        using var verb = VerbHost.Build(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path });
        using var input = new StringReader("bantuan\nkeluar\n");
        await using var output = new StringWriter();
        await using var error = new StringWriter();

        var exitCode = await ChatVerb.RunAsync(verb.Services, [], input, output, error, TestContext.Token);

        Assert.Equal(3, exitCode);
        Assert.Contains($"is in use by process {running.Id}", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("in the browser at " + running.BaseAddress.ToString().TrimEnd('/'), error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sinergi:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminVerbRefusesBesideARunningHostWithoutAStackTrace()
    {
        using var running = await HostProcess.StartAsync(_data.Path, Settings, TestContext.Token);
        await using var output = new StringWriter();
        await using var error = new StringWriter();

        var exitCode = await AdminVerb.RunAsync(["daftar"], output, error, () => VerbHost.Build(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path }).Services, TestContext.Token);

        Assert.Equal(3, exitCode);
        Assert.StartsWith("admin: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"is in use by process {running.Id}", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    public void Dispose() => _data.Dispose();
}
