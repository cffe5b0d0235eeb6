using Bot.Knowledge.Answering;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Retrieval;
using Bot.Tests.Support;

namespace Bot.Tests.Knowledge;

/// <summary>
/// The host's index comes from the stored documents (LiteDB here): it is rebuilt from them in a fresh folder, follows
/// a document stored by someone else at its next sync, and documents ingested before they moved to the database
/// (files in <c>knowledge/documents</c>) are moved into the store once.
/// </summary>
public sealed class StoredDocumentIndexTests : IDisposable
{
    private const string Key = "PP 99/2030 Pasal 1";
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _files = new();

    [Fact]
    public async Task A_lost_index_is_rebuilt_from_the_stored_documents()
    {
        using (var first = new KnowledgeHost(withDialogs: true, dataDirectory: _data.Path))
        {
            await first.Get<DocumentIngestor>().IngestFileAsync(await StatuteAsync("Tim terpadu menyusun laporan tahunan."), TestContext.Token);
        }

        Directory.Delete(Path.Combine(_data.Path, "knowledge", "index"), recursive: true);
        using var second = new KnowledgeHost(withDialogs: true, dataDirectory: _data.Path);
        Assert.Equal("Tim terpadu menyusun laporan tahunan.", second.Get<IPassageReader>().GetByKey(Key)?.Text);
    }

    [Fact]
    public async Task A_sync_indexes_a_version_another_process_stored()
    {
        using var host = new KnowledgeHost(withDialogs: true, dataDirectory: _data.Path);
        await host.Get<DocumentIngestor>().IngestFileAsync(await StatuteAsync("Tim terpadu menyusun laporan semesteran."), TestContext.Token);
        Assert.Equal(0, host.Get<PassageIndex>().SyncDocuments());

        // Another host stores a new version: this one's index has the old one until its sync.
        using (var other = new KnowledgeHost(dataDirectory: _files.Path))
        {
            var parsed = await other.Get<DocumentIngestor>().IngestFileAsync(await StatuteAsync("Tim terpadu menyusun laporan tahunan."), TestContext.Token);
            host.Get<IKnowledgeDocumentStore>().Save(StoredDocuments.ToStored(parsed.DocumentKey, parsed.Passages));
        }

        Assert.Equal("Tim terpadu menyusun laporan semesteran.", host.Get<IPassageReader>().GetByKey(Key)?.Text);
        Assert.Equal(1, host.Get<PassageIndex>().SyncDocuments());
        Assert.Equal("Tim terpadu menyusun laporan tahunan.", host.Get<IPassageReader>().GetByKey(Key)?.Text);
    }

    [Fact]
    public async Task Documents_of_the_old_folder_move_into_the_store()
    {
        // Bot.Knowledge alone keeps them as files, as hosts did before.
        using (var before = new KnowledgeHost(dataDirectory: _data.Path))
        {
            await before.Get<DocumentIngestor>().IngestFileAsync(await StatuteAsync("Tim terpadu menyusun laporan tahunan."), TestContext.Token);
        }

        var folder = Path.Combine(_data.Path, "knowledge", "documents");
        Assert.Single(Directory.GetFiles(folder, "*.json"));
        Directory.Delete(Path.Combine(_data.Path, "knowledge", "index"), recursive: true);

        using var host = new KnowledgeHost(withDialogs: true, dataDirectory: _data.Path);
        Assert.Equal("Tim terpadu menyusun laporan tahunan.", host.Get<IPassageReader>().GetByKey(Key)?.Text);
        Assert.Equal(["PP 99/2030"], host.Get<IKnowledgeDocumentStore>().List().Select(v => v.Key));
        Assert.False(Directory.Exists(folder));
        Assert.True(Directory.Exists(folder + ".imported"));
    }

    public void Dispose()
    {
        _data.Dispose();
        _files.Dispose();
    }

    private async Task<string> StatuteAsync(string firstArticle)
    {
        var path = Path.Combine(_files.Path, Guid.NewGuid().ToString("N") + ".md");
        await File.WriteAllTextAsync(path,
            "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 99 TAHUN 2030 TENTANG UJI COBA INGESTI\n" +
            "BAB I KETENTUAN UMUM\nPasal 1\n" + firstArticle + "\nPasal 2\nPeraturan ini mulai berlaku pada tanggal diundangkan.\n",
            TestContext.Token);
        return path;
    }
}
