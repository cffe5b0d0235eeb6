using System.Text.Json;
using Bot.Host.Cli;
using Bot.Tests.Support;

namespace Bot.Tests.Knowledge;

/// <summary><c>export-articles</c>: the ingested documents, read from the database, as one JSON file each (what eval/draw.py reads).</summary>
public sealed class ExportArticlesTests
{
    [Fact]
    public async Task AnIngestedStatuteIsWrittenAsItsPassages()
    {
        using var files = new TempDirectory();
        var statute = Path.Combine(files.Path, "pp-97-2030.md");
        await File.WriteAllTextAsync(statute,
            "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 97 TAHUN 2030 TENTANG UJI EKSPOR\nBAB I KETENTUAN UMUM\nPasal 1\n" +
            "Setiap kecamatan menyusun data pencegahan narkotika setiap tahun.\nPasal 2\nPeraturan ini mulai berlaku pada tanggal diundangkan.\n",
            TestContext.Token);
        var data = Path.Combine(files.Path, "data");
        var target = Path.Combine(files.Path, "articles");
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await IngestVerb.RunAsync([statute], output, error, () => new KnowledgeHost(withDialogs: true, dataDirectory: data).Services, TestContext.Token));
        var code = await ExportArticlesVerb.RunAsync([target], output, error, () => new KnowledgeHost(withDialogs: true, dataDirectory: data).Services, TestContext.Token);

        Assert.Equal(0, code);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(target, "pp-97-2030.json"), TestContext.Token);
        Assert.NotEqual(0xEF, bytes[0]);
        var passages = JsonDocument.Parse(bytes).RootElement.EnumerateArray().ToList();
        Assert.Equal(["PP 97/2030 Pasal 1", "PP 97/2030 Pasal 2"], passages.Select(p => p.GetProperty("citationKey").GetString()));
        Assert.Contains("kecamatan", passages[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAFolderTheUsageIsShown()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await ExportArticlesVerb.RunAsync([], output, error, () => throw new InvalidOperationException("no services needed"), TestContext.Token));
        Assert.Contains("Usage: export-articles", error.ToString(), StringComparison.Ordinal);
    }
}
