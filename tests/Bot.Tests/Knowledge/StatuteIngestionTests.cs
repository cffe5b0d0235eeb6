using Bot.Knowledge.Answering;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Retrieval;
using Bot.Tests.Support;

namespace Bot.Tests.Knowledge;

/// <summary>Ingestion of the real corpus: documents, articles, ayat, Penjelasan, replacement.</summary>
public sealed class StatuteIngestionTests(IngestedCorpusFixture corpus) : IClassFixture<IngestedCorpusFixture>
{
    [Fact]
    public void TheThreeStatutesGetKeysFromTheirTitles()
    {
        var keys = corpus.Results.Select(r => r.DocumentKey).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["PP 25/2011", "PP 40/2013", "UU 35/2009"], keys);
        var uu = corpus.Results.Single(r => r.DocumentKey == "UU 35/2009");
        Assert.Equal("Undang-Undang Nomor 35 Tahun 2009 tentang Narkotika", uu.Title);
        Assert.Equal(
            "Peraturan Pemerintah Nomor 40 Tahun 2013 tentang Pelaksanaan Undang-Undang Nomor 35 Tahun 2009 tentang Narkotika",
            corpus.Results.Single(r => r.DocumentKey == "PP 40/2013").Title);
    }

    [Fact]
    public void EveryArticleWithTextBecomesOnePassage()
    {
        // UU 35/2009 has 155 Pasal; the corpus lost the body of Pasal 62, so 154 carry text.
        Assert.Equal(154, corpus.Results.Single(r => r.DocumentKey == "UU 35/2009").Articles);
        Assert.Equal(25, corpus.Results.Single(r => r.DocumentKey == "PP 25/2011").Articles);
        Assert.Equal(66, corpus.Results.Single(r => r.DocumentKey == "PP 40/2013").Articles);
    }

    [Fact]
    public void AnArticleKeepsItsChapterSectionAndAyat()
    {
        var pasal55 = Official("UU 35/2009 Pasal 55");
        Assert.Equal("BAB IX Pengobatan dan Rehabilitasi — Bagian Kedua Rehabilitasi", pasal55.Heading);
        var ayat = pasal55.Text.Split('\n');
        Assert.Equal(3, ayat.Length);
        Assert.StartsWith("(1) Orang tua atau wali", ayat[0], StringComparison.Ordinal);
        Assert.StartsWith("(2) Pecandu Narkotika yang sudah cukup umur", ayat[1], StringComparison.Ordinal);
        Assert.StartsWith("(3) Ketentuan mengenai pelaksanaan wajib lapor", ayat[2], StringComparison.Ordinal);
        Assert.DoesNotContain("__", pasal55.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePenjelasanIsLinkedToItsArticle()
    {
        Assert.Contains("dibujuk, diperdaya, ditipu", Official("UU 35/2009 Pasal 54").Explanation, StringComparison.Ordinal);
        Assert.Contains("Kepolisian Negara Republik Indonesia", Official("PP 25/2011 Pasal 6").Explanation, StringComparison.Ordinal);
        // "Cukup jelas" is no explanation, and the annex does not leak into the last article.
        Assert.Null(Official("UU 35/2009 Pasal 1").Explanation);
        Assert.Null(Official("UU 35/2009 Pasal 155").Explanation);
    }

    [Fact]
    public void PenaltyArticlesCarryTheNewKuhpStatus()
    {
        var pasal112 = Official("UU 35/2009 Pasal 112");
        Assert.Equal("BAB XV Ketentuan Pidana", pasal112.Heading);
        Assert.Contains("KUHP baru (UU 1/2023)", pasal112.Status, StringComparison.Ordinal);
        Assert.DoesNotContain("KUHP", Official("UU 35/2009 Pasal 54").Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestingAgainReplacesTheDocument()
    {
        using var host = new KnowledgeHost();
        var ingestor = host.Get<DocumentIngestor>();
        var first = await ingestor.IngestFileAsync(Corpus.File("pp-25-2011-wajib-lapor.md"), TestContext.Token);
        var second = await ingestor.IngestFileAsync(Corpus.File("pp-25-2011-wajib-lapor.md"), TestContext.Token);

        Assert.Equal(0, first.Replaced);
        Assert.Equal(first.Articles, second.Replaced);
        Assert.Equal(first.Articles, host.Get<PassageIndex>().Find(IndexFields.Document, "PP 25/2011").Count);
    }

    [Fact]
    public async Task AChangedVersionReplacesTheOldText()
    {
        using var host = new KnowledgeHost();
        using var files = new TempDirectory();
        var path = Path.Combine(files.Path, "uji.md");
        await File.WriteAllTextAsync(path, StatuteText("Tim terpadu menyusun laporan semesteran."), TestContext.Token);
        await host.Get<DocumentIngestor>().IngestFileAsync(path, TestContext.Token);
        await File.WriteAllTextAsync(path, StatuteText("Tim terpadu menyusun laporan tahunan."), TestContext.Token);
        await host.Get<DocumentIngestor>().IngestFileAsync(path, TestContext.Token);

        var passage = host.Get<IPassageReader>().GetByKey("PP 99/2030 Pasal 1");
        Assert.NotNull(passage);
        Assert.Equal("Tim terpadu menyusun laporan tahunan.", passage.Text);
        Assert.Equal(2, host.Get<PassageIndex>().Find(IndexFields.Document, "PP 99/2030").Count);
    }

    [Fact]
    public async Task APdfIsReadThroughItsTextLayer()
    {
        using var host = new KnowledgeHost();
        using var files = new TempDirectory();
        var path = Path.Combine(files.Path, "uji.pdf");
        await File.WriteAllBytesAsync(path, PdfFixture.Create(StatuteText("Tim terpadu menyusun laporan tahunan.").Split('\n')), TestContext.Token);

        var result = await host.Get<DocumentIngestor>().IngestFileAsync(path, TestContext.Token);

        Assert.Equal("PP 99/2030", result.DocumentKey);
        Assert.Equal(2, result.Articles);
        Assert.Equal("Tim terpadu menyusun laporan tahunan.", host.Get<IPassageReader>().GetByKey("PP 99/2030 Pasal 1")!.Text);
    }

    [Theory]
    [InlineData("rusak.pdf", "%PDF-1.4 this is not really a pdf", "cannot be read")]
    [InlineData("catatan.md", "Catatan rapat koordinasi tanpa judul peraturan.\nPasal 1\nIsi.", "do not name a regulation")]
    [InlineData("kosong.md", "PERATURAN PEMERINTAH NOMOR 98 TAHUN 2030 TENTANG KOSONG\nTanpa pasal sama sekali.", "no article")]
    [InlineData("laporan.docx", "PK binary", "not supported")]
    public async Task AnUnreadableFileIsRejectedWithAClearMessageAndChangesNothing(string name, string content, string reason)
    {
        using var host = new KnowledgeHost();
        using var files = new TempDirectory();
        var path = Path.Combine(files.Path, name);
        await File.WriteAllTextAsync(path, content, TestContext.Token);
        var before = host.Get<PassageIndex>().Frequency("lapor").Count;

        var error = await Assert.ThrowsAsync<DocumentRejectedException>(() => host.Get<DocumentIngestor>().IngestFileAsync(path, TestContext.Token));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, host.Get<PassageIndex>().Frequency("lapor").Count);
    }

    [Fact]
    public async Task ANonUtf8TextFileIsRejected()
    {
        using var host = new KnowledgeHost();
        using var files = new TempDirectory();
        var path = Path.Combine(files.Path, "latin1.txt");
        await File.WriteAllBytesAsync(path, [0x50, 0x61, 0x73, 0x61, 0x6C, 0x20, 0x31, 0x0A, 0xE9, 0xFF, 0xFE], TestContext.Token);

        var error = await Assert.ThrowsAsync<DocumentRejectedException>(() => host.Get<DocumentIngestor>().IngestFileAsync(path, TestContext.Token));

        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    private PassageView Official(string key)
    {
        var passage = corpus.Host.Get<IPassageReader>().GetByKey(key);
        Assert.NotNull(passage);
        Assert.True(passage.IsOfficialText, key + " should come from the ingested text");
        return passage;
    }

    private static string StatuteText(string firstArticle) =>
        "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 99 TAHUN 2030 TENTANG UJI COBA INGESTI\n" +
        "BAB I KETENTUAN UMUM\nPasal 1\n" + firstArticle + "\nPasal 2\nPeraturan ini mulai berlaku pada tanggal diundangkan.\n";
}
