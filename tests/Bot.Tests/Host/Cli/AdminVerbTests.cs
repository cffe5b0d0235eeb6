using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Host.Cli;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Host.Cli;

/// <summary>
/// Issue 15: the first coordinator from the command line (<c>-- admin koordinator</c>), without the admin code from
/// the log; a sign-in code for someone who lost their device; the list of people with a role.
/// </summary>
public sealed partial class AdminVerbTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task CreatesTheFirstCoordinatorWhoSignsInWithThePrintedCode()
    {
        var (exit, output, _) = await AdminAsync("koordinator", "Rina", "Wulandari", "--jabatan", "Kabid P2M BNNK");
        Assert.Equal(0, exit);
        Assert.Contains("Coordinator created: Rina Wulandari (Kabid P2M BNNK) · coordinator", output, StringComparison.Ordinal);
        var code = CodePattern().Match(output).Groups[1].Value;
        Assert.Equal(8, code.Length);

        // The verb ran on the real clock; the code is valid 24 hours from then.
        using (var host = new DialogsHost(_data.Path, new FakeTimeProvider(TimeProvider.System.GetUtcNow())))
        {
            // The log's admin code is retired: the command line made the first coordinator.
            Assert.Null(host.Get<IAdminCodeStore>().IssueIfUnused());
            var chat = new ConversationDriver(host, "rina-laptop", channelId: "directline");
            await chat.SayAsync("masuk " + code, "Anda masuk sebagai **Rina Wulandari** (Koordinator)");
            await chat.SayAsync("tambah opd Dinas Sosial (Dinsos)", "tersimpan");
        }

        var (listed, list, _) = await AdminAsync("daftar");
        Assert.Equal(0, listed);
        Assert.Contains("Rina Wulandari (Kabid P2M BNNK) · coordinator", list, StringComparison.Ordinal);
        Assert.Contains("1 account(s)", list, StringComparison.Ordinal);

        var (again, fresh, _) = await AdminAsync("kode-masuk", "rina");
        Assert.Equal(0, again);
        Assert.Matches(@"Sign-in code for Rina Wulandari .*: [A-Z0-9]{8}", fresh);
    }

    [Fact]
    public async Task ExplainsBadUse()
    {
        Assert.Equal(2, (await AdminAsync()).Exit);
        Assert.Equal(2, (await AdminAsync("koordinator")).Exit);
        Assert.Equal(2, (await AdminAsync("koordinator", "Rina", "--jabatan")).Exit);
        Assert.Equal(2, (await AdminAsync("koordinator", "Rina", "--peran", "x")).Exit);
        Assert.Equal(2, (await AdminAsync("hapus", "Rina")).Exit);
        var (exit, _, error) = await AdminAsync("kode-masuk", "Siapa");
        Assert.Equal(3, exit);
        Assert.Contains("Nobody with a role", error, StringComparison.Ordinal);
        using var host = new DialogsHost(_data.Path);
        Assert.DoesNotContain(host.Get<IUserStore>().ListWithRole(), u => u.Role == Role.Koordinator);
    }

    private async Task<(int Exit, string Output, string Error)> AdminAsync(params string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exit = await AdminVerb.RunAsync(args, output, error, () => VerbHost.Build(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path }).Services, TestContext.Token);
        return (exit, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"Sign-in code \(single use, 24 hours\): ([A-Z0-9]{8})")]
    private static partial Regex CodePattern();

    public void Dispose() => _data.Dispose();
}
