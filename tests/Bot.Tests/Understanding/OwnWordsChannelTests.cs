using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Understanding;

/// <summary>Own words over a real channel: the web chat's Direct Line on Kestrel, through the real host.</summary>
public sealed class OwnWordsChannelTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task AResidentsOwnWordsReachHelpAndTheTipLineOverDirectLine()
    {
        using var host = new KestrelHost(_data.Path);
        using var http = host.CreateNetworkClient();
        var client = new DirectLineTestClient(http);
        await client.GenerateAsync();
        await client.StartAsync();
        var (_, watermark) = await client.PollUntilAsync("", 1);

        await client.PostMessageAsync("bisa bantu apa aja?", "c-1");
        (var turn, watermark) = await client.PollUntilAsync(watermark, 2);
        Assert.Contains("Yang bisa saya lakukan untuk Anda", Text(turn[1]), StringComparison.Ordinal);

        // The tip line answers with its privacy note, then its first question.
        await client.PostMessageAsync("mau lapor ada yg jualan sabu", "c-2");
        (turn, _) = await client.PollUntilAsync(watermark, 3);
        Assert.Contains("Lapor narkoba (anonim)", Text(turn[1]), StringComparison.Ordinal);
        Assert.Contains("Apa yang ingin Anda laporkan?", Text(turn[2]), StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
