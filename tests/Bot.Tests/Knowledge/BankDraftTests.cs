using Bot.Host.Cli;
using Bot.Tests.Support;

namespace Bot.Tests.Knowledge;

/// <summary><c>ingest --draft-questions</c>: the LLM (a loopback stub) drafts bank questions for review, never used as they are.</summary>
public sealed class BankDraftTests : IAsyncLifetime
{
    private StubChatServer _server = null!;

    public async Task InitializeAsync() => _server = await StubChatServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ArticlesWithoutBankQuestionsGetDraftsInABankFileForReview()
    {
        using var files = new TempDirectory();
        var statute = Path.Combine(files.Path, "pp-99-2030.md");
        await File.WriteAllTextAsync(statute,
            "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 99 TAHUN 2030 TENTANG UJI COBA DRAF\nBAB I KETENTUAN UMUM\nPasal 1\n" +
            "Setiap desa menyusun rencana pencegahan narkotika setiap tahun.\nPasal 2\nPeraturan ini mulai berlaku pada tanggal diundangkan.\n",
            TestContext.Token);
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:Llm:Endpoint"] = _server.Endpoint,
            ["Knowledge:Llm:Model"] = "stub-model",
            ["Knowledge:Llm:ApiKey"] = "test-key",
        };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await IngestVerb.RunAsync([statute, "--draft-questions"], output, error, () => new KnowledgeHost(settings, withDialogs: true, dataDirectory: files.Path).Services, TestContext.Token);

        Assert.Equal(0, code);
        var draft = Path.Combine(files.Path, "knowledge", "bank-drafts", "pp-99-2030.md");
        Assert.Contains(draft, output.ToString(), StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(draft, TestContext.Token);
        Assert.Contains("## answer: PP 99/2030 Pasal 1\n- Apa isi pasal ini?\n- gmn aturan ini berlaku?\n- brp lama aturan ini berlaku?", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("## answer: PP 99/2030 Pasal 2", text, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task WithoutAnLlmTheFlagIsExplainedAndIngestStillRuns()
    {
        using var files = new TempDirectory();
        var statute = Path.Combine(files.Path, "pp-98-2030.md");
        await File.WriteAllTextAsync(statute,
            "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 98 TAHUN 2030 TENTANG UJI COBA\nBAB I KETENTUAN UMUM\nPasal 1\nIsi pasal.\n", TestContext.Token);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await IngestVerb.RunAsync([statute, "--draft-questions"], output, error, () => new KnowledgeHost(withDialogs: true, dataDirectory: files.Path).Services, TestContext.Token);

        Assert.Equal(0, code);
        Assert.Contains("needs an LLM", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(files.Path, "knowledge", "bank-drafts")));
    }
}
