using System.Net;
using System.Text.RegularExpressions;
using Bot.Dialogs.Activities;
using Bot.Tests.Support;
using static Bot.Tests.Host.BotFramework.BotFrameworkRequests;

namespace Bot.Tests.Host.BotFramework;

/// <summary>
/// A busy host answers slower, not with an error (BENCHMARKS.md "A turn that fails under load"). On a machine with
/// far more runnable threads than cores, a pattern's time limit (wall-clock) ran out on ordinary input and the turn
/// ended in "Maaf, terjadi kesalahan" with the user's form thrown away. Here the safety screen, the first step of every
/// message's understanding, runs out of time the way a starved regex does, on demand; real Kestrel, real LiteDB.
/// </summary>
public sealed partial class BusyHostTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly StallingScreen _screen = new();

    [Fact]
    public async Task AMatchThatRanOutOfTimeOnceRunsTheTurnAgainAndTheFormGoesOn()
    {
        using var host = Host();
        using var client = host.CreateNetworkClient();
        await JoinUpToTheNameAsync(client);

        _screen.StallNext("Fokal", times: 1);
        var replies = await SayAsync(client, "fokal", "Fokal Uji");

        Assert.Contains("jabatan", Text(replies), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("kesalahan", Text(replies), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ATurnThatKeepsRunningOutOfTimeIsToldTheServerIsBusyAndTheFormWaitsWhereItWas()
    {
        using var host = Host();
        using var client = host.CreateNetworkClient();
        await JoinUpToTheNameAsync(client);

        _screen.StallNext("Fokal", times: int.MaxValue);
        var busy = await SayAsync(client, "fokal", "Fokal Uji");
        _screen.StallNext("Fokal", times: 0);
        var again = await SayAsync(client, "fokal", "Fokal Uji");

        Assert.Contains("sedang sibuk", Text(busy), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("kesalahan", Text(busy), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("jabatan", Text(again), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _data.Dispose();

    private KestrelHost Host() => new(
        _data.Path,
        new Dictionary<string, string?> { ["Bot:Coordinators:0"] = "test|koord" },
        services: _screen.WrapIn);

    /// <summary>The bench's registration setup: an OPD, an invite, and a new fokal asked for their name.</summary>
    private static async Task JoinUpToTheNameAsync(HttpClient client)
    {
        Assert.Contains("tersimpan", Text(await SayAsync(client, "koord", "tambah opd Dinas Uji")), StringComparison.OrdinalIgnoreCase);
        var invite = Text(await SayAsync(client, "koord", "undang Dinas Uji"));
        var code = InviteCode().Match(invite).Groups[1].Value;
        Assert.Contains("nama", Text(await SayAsync(client, "fokal", "gabung " + code)), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<IReadOnlyList<Activity>> SayAsync(HttpClient client, string userId, string text)
    {
        using var response = await PostAsync(client, Some.Message("c-" + userId, userId, text).ExpectingReplies());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadRepliesAsync(response);
    }

    private static string Text(IReadOnlyList<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    [GeneratedRegex(@"\*\*([A-Z0-9]{8})\*\*")]
    private static partial Regex InviteCode();
}
