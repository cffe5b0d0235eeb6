using Bot.Knowledge.Answering;
using Bot.Knowledge.Ingestion;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Knowledge;

/// <summary>
/// The answer decision is learned when the host starts, not at the first question: on a cold model cache learning
/// takes tens of seconds of CPU, which the first resident to ask would otherwise wait for. The index holds a statute of
/// its own (a new number each run), so no other test of this process can have learned its decision.
/// </summary>
public sealed class AnswerDecisionWarmupTests : IDisposable
{
    private readonly TempDirectory _files = new();

    [Fact]
    public async Task The_hosts_start_learns_the_decision_for_its_passages_before_any_question()
    {
        using var host = new KnowledgeHost();
        var number = Random.Shared.Next(100, 999);
        var path = Path.Combine(_files.Path, "statute.md");
        await File.WriteAllTextAsync(path,
            $"PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR {number} TAHUN 2031 TENTANG UJI COBA PEMANASAN\n" +
            $"BAB I KETENTUAN UMUM\nPasal 1\nTim terpadu nomor {number} menyusun laporan triwulan.\nPasal 2\nPeraturan ini mulai berlaku pada tanggal diundangkan.\n",
            TestContext.Token);
        await host.Get<DocumentIngestor>().IngestFileAsync(path, TestContext.Token);
        var decision = host.Get<AnswerDecision>();
        Assert.False(decision.IsPrepared());

        var warmup = host.Services.GetServices<IHostedService>().OfType<ModelWarmup>().Single();
        await warmup.StartAsync(TestContext.Token);

        // Learning takes seconds on a quiet machine and minutes on a loaded one; the test waits for it, within a bound
        // that only a learning that never ends would reach.
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (!decision.IsPrepared())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), bound.Token);
        }

        Assert.NotNull(decision.Model());
    }

    public void Dispose() => _files.Dispose();
}
