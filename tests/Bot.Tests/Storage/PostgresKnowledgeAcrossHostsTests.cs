using System.Diagnostics;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Ingestion;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Bot.Tests.Storage;

/// <summary>
/// Two real hosts on one PostgreSQL: a statute ingested through host A is stored in the database, and host B's index
/// picks it up at its next refresh (and a new version of it after that), without restarting.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresKnowledgeAcrossHostsTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();
    private readonly TempDirectory _files = new();

    [Fact]
    public async Task A_statute_ingested_on_one_host_is_answered_by_another_after_its_refresh()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Sinergi"] = server.CreateDatabase(),
            ["DirectLine:TokenSigningKey"] = "a-shared-signing-key-of-at-least-32-characters",
            ["Knowledge:RefreshInterval"] = "00:00:00.500",
        };
        using var hostA = new KestrelHost(_first.Path, settings);
        using var hostB = new KestrelHost(_second.Path, settings);
        using var httpB = hostB.CreateNetworkClient();
        var onB = hostB.Services.GetRequiredService<IPassageReader>();
        Assert.Null(onB.GetByKey("PP 99/2030 Pasal 1"));

        var path = Path.Combine(_files.Path, "uji.md");
        await File.WriteAllTextAsync(path, StatuteText("Tim terpadu menyusun laporan semesteran."), TestContext.Token);
        await hostA.Services.GetRequiredService<DocumentIngestor>().IngestFileAsync(path, TestContext.Token);
        var first = await WaitForTextAsync(onB, "Tim terpadu menyusun laporan semesteran.");

        await File.WriteAllTextAsync(path, StatuteText("Tim terpadu menyusun laporan tahunan."), TestContext.Token);
        await hostA.Services.GetRequiredService<DocumentIngestor>().IngestFileAsync(path, TestContext.Token);
        var second = await WaitForTextAsync(onB, "Tim terpadu menyusun laporan tahunan.");
        output.WriteLine($"host B answered from the new document after {first.TotalMilliseconds:F0} ms, the new version after {second.TotalMilliseconds:F0} ms");

        // The real corpus (three statutes, 245 articles): how long the ingest on A and B's refresh take.
        var clock = Stopwatch.StartNew();
        var ingestor = hostA.Services.GetRequiredService<DocumentIngestor>();
        foreach (var file in ingestor.ExpandPath(Bot.Tests.Knowledge.Corpus.Folder))
        {
            await ingestor.IngestFileAsync(file, TestContext.Token);
        }

        var ingested = clock.Elapsed;
        while (onB.GetByKey("UU 35/2009 Pasal 54") is not { IsOfficialText: true })
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "host B did not get the corpus within 60 s");
            await Task.Delay(100, TestContext.Token);
        }

        output.WriteLine($"the corpus ingested on A in {ingested.TotalMilliseconds:F0} ms, answered by B {(clock.Elapsed - ingested).TotalMilliseconds:F0} ms later");

        using var ready = await httpB.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Token);
        Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync(TestContext.Token));
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        _files.Dispose();
    }

    private static async Task<TimeSpan> WaitForTextAsync(IPassageReader reader, string text)
    {
        var clock = Stopwatch.StartNew();
        while (reader.GetByKey("PP 99/2030 Pasal 1")?.Text != text)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"host B did not get \"{text}\" within 30 s");
            await Task.Delay(100, TestContext.Token);
        }

        return clock.Elapsed;
    }

    private static string StatuteText(string firstArticle) =>
        "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 99 TAHUN 2030 TENTANG UJI COBA INGESTI\n" +
        "BAB I KETENTUAN UMUM\nPasal 1\n" + firstArticle + "\nPasal 2\nPeraturan ini mulai berlaku pada tanggal diundangkan.\n";
}
