using Bot.Knowledge.Ingestion;

namespace Bot.Tests.Knowledge;

/// <summary>One knowledge host with the three real statutes ingested, shared by read-only tests.</summary>
public sealed class IngestedCorpusFixture : IAsyncLifetime, IDisposable
{
    public KnowledgeHost Host { get; } = new();

    public IReadOnlyList<IngestResult> Results { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var ingestor = Host.Get<DocumentIngestor>();
        var results = new List<IngestResult>();
        foreach (var file in ingestor.ExpandPath(Corpus.Folder))
        {
            results.Add(await ingestor.IngestFileAsync(file, CancellationToken.None));
        }

        Results = results;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Host.Dispose();
}
