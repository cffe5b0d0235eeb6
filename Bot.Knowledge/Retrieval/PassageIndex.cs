using Bot.Knowledge.Bank;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Pack;
using Bot.Knowledge.Passages;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// The Lucene index of every passage (pack and ingested) in <c>&lt;knowledge&gt;/index</c>. No writer stays
/// open: writes (pack refresh at start, the ingest verb) open one briefly, so a running host and the CLI can
/// share the folder; the host's searcher picks up another process's commit within a second.
/// </summary>
internal sealed class PassageIndex : IDisposable
{
    private const string SchemaKey = "schema";
    private const string PackHashKey = "pack-hash";
    private const string BankHashKey = "bank-hash";

    // Bump when the document layout or the analysis changes: the index is then rebuilt from the pack and the
    // stored documents.
    private const string Schema = "5";

    private static readonly Similarity Bm25 = new BM25Similarity();

    private readonly LuceneDirectory _directory;
    private readonly KnowledgePackSource _pack;
    private readonly DocumentStore _documents;
    private readonly QuestionBank _bank;
    private readonly TimeProvider _time;
    private readonly ILogger<PassageIndex> _logger;
    private readonly System.Threading.Lock _gate = new();
    private SearcherManager? _searchers;
    private long _lastRefresh;
    private ReaderCache? _cache;

    public PassageIndex(IOptions<KnowledgeOptions> options, KnowledgePackSource pack, DocumentStore documents, QuestionBank bank, TimeProvider time, ILogger<PassageIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.Combine(options.Value.ResolveDataDirectory(null), "index");
        System.IO.Directory.CreateDirectory(folder);
        _directory = FSDirectory.Open(new DirectoryInfo(folder));
        _pack = pack;
        _documents = documents;
        _bank = bank;
        _time = time;
        _logger = logger;
    }

    /// <summary>Searches with BM25; the searcher is shared and refreshed at most once a second.</summary>
    public IReadOnlyList<SearchHit> Search(Query query, int count)
    {
        var searchers = Searchers();
        var searcher = searchers.Acquire();
        try
        {
            var cache = CacheFor(searcher.IndexReader);
            var top = searcher.Search(query, count);
            return top.ScoreDocs
                .Select(d => new SearchHit(cache.Passages.GetOrAdd(d.Doc, id => PassageDocuments.FromDocument(searcher.Doc(id))), d.Score))
                .ToList();
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Number of passages that contain <paramref name="stem"/>, and the number of passages.</summary>
    public (int DocFreq, int Count) Frequency(string stem)
    {
        var searchers = Searchers();
        var searcher = searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var docFreq = stem.Length == 0 ? 0 : CacheFor(reader).DocFreq.GetOrAdd(stem, s => reader.DocFreq(new Term(IndexFields.All, s)));
            return (docFreq, reader.NumDocs);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Every passage matching a term query (id, document key), in index order.</summary>
    public IReadOnlyList<Passage> Find(string field, string value, int max = 1000)
    {
        var searchers = Searchers();
        var searcher = searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(field, value)), max);
            return top.ScoreDocs.OrderBy(d => d.Doc).Select(d => PassageDocuments.FromDocument(searcher.Doc(d.Doc))).ToList();
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The words of every passage and of the bank's questions, normalised, for correcting typos; built once per
    /// index reader (an ingest brings new words).
    /// </summary>
    public SpellingCorrector Speller()
    {
        var searchers = Searchers();
        var searcher = searchers.Acquire();
        try
        {
            var cache = CacheFor(searcher.IndexReader);
            return cache.Speller ??= BuildSpeller(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Every passage in the index (pack and ingested), in index order.</summary>
    public IReadOnlyList<Passage> All()
    {
        var searchers = Searchers();
        var searcher = searchers.Acquire();
        try
        {
            return AllOf(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private static List<Passage> AllOf(IndexSearcher searcher)
    {
        var reader = searcher.IndexReader;
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var passages = new List<Passage>(reader.NumDocs);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (liveDocs is null || liveDocs.Get(doc))
            {
                passages.Add(PassageDocuments.FromDocument(searcher.Doc(doc)));
            }
        }

        return passages;
    }

    private SpellingCorrector BuildSpeller(IndexSearcher searcher)
    {
        var words = new List<string>();
        foreach (var passage in AllOf(searcher))
        {
            words.AddRange(RetrievalText.Normalize(string.Join(' ', passage.Heading, passage.Text, passage.Explanation, passage.Keywords)).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        foreach (var question in _bank.Answers)
        {
            words.AddRange(RetrievalText.Normalize(question.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return new SpellingCorrector(words);
    }

    /// <summary>Every passage with this citation key (pack and ingested), memoised per index reader.</summary>
    public IReadOnlyList<Passage> WithKey(string citationKey)
    {
        var searchers = Searchers();
        var searcher = searchers.Acquire();
        try
        {
            return CacheFor(searcher.IndexReader).ByKey.GetOrAdd(citationKey, key =>
            {
                var top = searcher.Search(new TermQuery(new Term(IndexFields.Key, key)), 100);
                return top.ScoreDocs.OrderBy(d => d.Doc).Select(d => PassageDocuments.FromDocument(searcher.Doc(d.Doc))).ToList();
            });
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Replaces every passage of <paramref name="documentKey"/> by <paramref name="passages"/> and commits.</summary>
    public void Replace(string documentKey, IReadOnlyList<Passage> passages)
    {
        Searchers();
        using (var writer = OpenWriter())
        {
            writer.DeleteDocuments(new Term(IndexFields.Document, documentKey));
            writer.AddDocuments(passages.Select(Document));
            writer.SetCommitData(CommitData(writer));
            writer.Commit();
        }

        Refresh(force: true);
    }

    /// <summary>Per-reader memo of stored passages and document frequencies; a refreshed reader gets a new one.</summary>
    private ReaderCache CacheFor(IndexReader reader)
    {
        var cache = Volatile.Read(ref _cache);
        if (cache is null || !ReferenceEquals(cache.Reader, reader))
        {
            cache = new ReaderCache(reader);
            Volatile.Write(ref _cache, cache);
        }

        return cache;
    }

    public void Dispose()
    {
        _searchers?.Dispose();
        _directory.Dispose();
    }

    private SearcherManager Searchers()
    {
        var searchers = Volatile.Read(ref _searchers);
        if (searchers is null)
        {
            lock (_gate)
            {
                if (_searchers is null)
                {
                    EnsureCurrent();
                    _searchers = new SearcherManager(_directory, new Bm25SearcherFactory());
                }

                searchers = _searchers;
            }
        }

        Refresh(force: false);
        return searchers;
    }

    private void Refresh(bool force)
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastRefresh);
        if (_searchers is not null && (force || _time.GetElapsedTime(last, now) > TimeSpan.FromSeconds(1)))
        {
            Interlocked.Exchange(ref _lastRefresh, now);
            _searchers.MaybeRefresh();
        }
    }

    /// <summary>Brings the index up to date with the pack (and rebuilds it entirely when the schema changed).</summary>
    private void EnsureCurrent()
    {
        var data = DirectoryReader.IndexExists(_directory) ? ReadCommitData() : new Dictionary<string, string>();
        // A new bank changes every passage's questions field, so it rebuilds like a new schema.
        var schemaChanged = data.GetValueOrDefault(SchemaKey) != Schema || data.GetValueOrDefault(BankHashKey) != BankFingerprint;
        if (!schemaChanged && data.GetValueOrDefault(PackHashKey) == _pack.Hash)
        {
            return;
        }

        using var writer = OpenWriter();
        if (schemaChanged)
        {
            writer.DeleteAll();
            foreach (var document in _documents.LoadAll())
            {
                writer.AddDocuments(document.Select(Document));
            }
        }
        else
        {
            writer.DeleteDocuments(new Term(IndexFields.Source, nameof(PassageSource.Pack)));
        }

        writer.AddDocuments(_pack.Passages.Select(Document));
        writer.SetCommitData(new Dictionary<string, string> { [SchemaKey] = Schema, [PackHashKey] = _pack.Hash, [BankHashKey] = BankFingerprint });
        writer.Commit();
        _logger.LogInformation("Knowledge index refreshed: {PackPassages} pack passages, full rebuild {Rebuilt}", _pack.Passages.Count, schemaChanged);
    }

    private Dictionary<string, string> ReadCommitData()
    {
        using var reader = DirectoryReader.Open(_directory);
        return new Dictionary<string, string>(reader.IndexCommit.UserData);
    }

    private static Dictionary<string, string> CommitData(IndexWriter writer) =>
        new(writer.CommitData) { [SchemaKey] = Schema };

    private Lucene.Net.Documents.Document Document(Passage passage) => PassageDocuments.ToDocument(passage, _bank);

    /// <summary>The bank and the word lists that normalise its questions for the questions field.</summary>
    private string BankFingerprint => _bank.Hash + "/" + RetrievalText.Fingerprint;

    private IndexWriter OpenWriter()
    {
        var config = new IndexWriterConfig(TextAnalysis.Version, TextAnalysis.Analyzer)
        {
            Similarity = Bm25,
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // Another process (the host or an ingest run) may hold the lock for a moment.
            WriteLockTimeout = 10_000,
        };
        return new IndexWriter(_directory, config);
    }

    private sealed class ReaderCache(IndexReader reader)
    {
        public IndexReader Reader { get; } = reader;

        public System.Collections.Concurrent.ConcurrentDictionary<int, Passage> Passages { get; } = new();

        public System.Collections.Concurrent.ConcurrentDictionary<string, int> DocFreq { get; } = new(StringComparer.Ordinal);

        public System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Passage>> ByKey { get; } = new(StringComparer.OrdinalIgnoreCase);

        public SpellingCorrector? Speller { get; set; }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Bm25 };
    }
}
