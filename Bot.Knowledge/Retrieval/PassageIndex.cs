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
/// The Lucene index of every passage (pack and ingested) in <c>&lt;knowledge&gt;/index</c>, this host's own copy: the
/// pack comes with the build, the ingested documents from <see cref="IKnowledgeDocumentStore"/> (the database). The
/// last commit records which version of each stored document it holds (key → content hash), so a sync
/// (<see cref="SyncDocuments"/>: at first use, then polled by <see cref="KnowledgeRefresher"/>) re-indexes only what
/// changed. No writer stays open: writes open one briefly, so a running host and the CLI can share the folder; the
/// host's searcher picks up another process's commit within a second.
/// </summary>
internal sealed class PassageIndex : IDisposable
{
    private const string SchemaKey = "schema";
    private const string PackHashKey = "pack-hash";
    private const string BankHashKey = "bank-hash";
    private const string DocumentsKey = "documents";

    // Bump when the document layout or the analysis changes: the index is then rebuilt from the pack and the
    // stored documents.
    private const string Schema = "6";

    private static readonly Similarity Bm25 = new BM25Similarity();

    private readonly LuceneDirectory _directory;
    private readonly KnowledgePackSource _pack;
    private readonly IKnowledgeDocumentStore _documents;
    private readonly string _knowledgeFolder;
    private readonly QuestionBank _bank;
    private readonly TimeProvider _time;
    private readonly ILogger<PassageIndex> _logger;
    private readonly System.Threading.Lock _gate = new();
    private readonly System.Threading.Lock _writeGate = new();
    private SearcherManager? _searchers;
    private long _lastRefresh;
    private ReaderCache? _cache;

    public PassageIndex(IOptions<KnowledgeOptions> options, KnowledgePackSource pack, IKnowledgeDocumentStore documents, QuestionBank bank, TimeProvider time, ILogger<PassageIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _knowledgeFolder = options.Value.ResolveDataDirectory(null);
        var folder = Path.Combine(_knowledgeFolder, "index");
        System.IO.Directory.CreateDirectory(folder);
        _directory = FSDirectory.Open(new DirectoryInfo(folder));
        _pack = pack;
        _documents = documents;
        _bank = bank;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// A read-only index in memory of these passages, with <paramref name="bank"/>'s questions as their questions field:
    /// the retrieval of one out-of-fold split (<see cref="Answering.OutOfFoldEvidence"/>), so that a held-out bank line
    /// is not found through its own words. It has no pack or document store: it is never synced or written again.
    /// </summary>
    public static PassageIndex InMemory(IReadOnlyList<Passage> passages, QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var index = new PassageIndex(new RAMDirectory(), bank);
        using (var writer = index.OpenWriter())
        {
            writer.AddDocuments(passages.Select(index.Document));
            writer.Commit();
        }

        index._searchers = new SearcherManager(index._directory, new Bm25SearcherFactory());
        return index;
    }

    private PassageIndex(LuceneDirectory directory, QuestionBank bank)
    {
        _directory = directory;
        _bank = bank;
        _knowledgeFolder = string.Empty;
        // Never read: the searchers exist from the start, so the pack and the store are never synced.
        _pack = null!;
        _documents = null!;
        _time = TimeProvider.System;
        _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<PassageIndex>.Instance;
    }

    /// <summary>
    /// A SHA-256 of every passage the index holds (id and text), memoised per index reader: what a model learned from
    /// this index's retrieval (<see cref="Answering.AnswerDecision"/>) is keyed by.
    /// </summary>
    public string ContentFingerprint()
    {
        var searchers = Searchers();
        var searcher = searchers.Acquire();
        try
        {
            var cache = CacheFor(searcher.IndexReader);
            return cache.Fingerprint ??= Fingerprint(AllOf(searcher));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private static string Fingerprint(IEnumerable<Passage> passages)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var passage in passages.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(passage.Id + "\u001f" + passage.Heading + "\u001f" + passage.Text + "\u001e"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
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

    /// <summary>Replaces every passage of the document by <paramref name="passages"/> (what was just stored) and commits.</summary>
    public void Replace(KnowledgeDocumentVersion stored, IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Searchers();
        lock (_writeGate)
        {
            using var writer = OpenWriter();
            var indexed = IndexedDocuments(writer.CommitData);
            writer.DeleteDocuments(new Term(IndexFields.Document, stored.Key));
            writer.AddDocuments(passages.Select(Document));
            indexed[stored.Key] = stored.ContentHash;
            Commit(writer, indexed);
        }

        Refresh(force: true);
    }

    /// <summary>
    /// Brings the ingested documents in the index up to the stored set: a document stored in another version (or
    /// newly) is re-indexed, one no longer stored is removed. Returns how many documents changed (0: nothing written).
    /// </summary>
    public int SyncDocuments()
    {
        Searchers();
        var changed = SyncDocumentsCore();
        if (changed > 0)
        {
            Refresh(force: true);
        }

        return changed;
    }

    private int SyncDocumentsCore()
    {
        var stored = _documents.List();
        lock (_writeGate)
        {
            var indexed = IndexedDocuments(ReadCommitData());
            var changed = stored.Where(v => indexed.GetValueOrDefault(v.Key) != v.ContentHash).Select(v => v.Key).ToList();
            var removed = indexed.Keys.Except(stored.Select(v => v.Key), StringComparer.Ordinal).ToList();
            if (changed.Count == 0 && removed.Count == 0)
            {
                return 0;
            }

            var documents = _documents.Load(changed);
            using var writer = OpenWriter();
            indexed = IndexedDocuments(writer.CommitData);
            foreach (var key in removed)
            {
                writer.DeleteDocuments(new Term(IndexFields.Document, key));
                indexed.Remove(key);
            }

            foreach (var document in documents)
            {
                writer.DeleteDocuments(new Term(IndexFields.Document, document.Key));
                writer.AddDocuments(StoredDocuments.Passages(document).Select(Document));
                indexed[document.Key] = document.ContentHash;
            }

            Commit(writer, indexed);
            _logger.LogInformation("Knowledge index synced with the stored documents: {Changed} re-indexed, {Removed} removed", documents.Count, removed.Count);
            return documents.Count + removed.Count;
        }
    }

    /// <summary>The stored documents the index holds (key → content hash), from a commit's data.</summary>
    private static Dictionary<string, string> IndexedDocuments(IDictionary<string, string> commitData) =>
        commitData.TryGetValue(DocumentsKey, out var json) && !string.IsNullOrEmpty(json)
            ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new(StringComparer.Ordinal)
            : new(StringComparer.Ordinal);

    private static void Commit(IndexWriter writer, Dictionary<string, string> indexed)
    {
        writer.SetCommitData(new Dictionary<string, string>(writer.CommitData) { [SchemaKey] = Schema, [DocumentsKey] = System.Text.Json.JsonSerializer.Serialize(indexed) });
        writer.Commit();
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
                    LegacyDocumentImport.Run(_knowledgeFolder, _documents, _logger);
                    EnsureCurrent();
                    SyncDocumentsCore();
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

    /// <summary>
    /// Brings the index up to date with the pack; when the schema changed it is emptied first (and the stored
    /// documents are indexed again by the sync that follows).
    /// </summary>
    private void EnsureCurrent()
    {
        var data = ReadCommitData();
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
        }
        else
        {
            writer.DeleteDocuments(new Term(IndexFields.Source, nameof(PassageSource.Pack)));
        }

        writer.AddDocuments(_pack.Passages.Select(Document));
        var kept = schemaChanged ? new Dictionary<string, string>() : new Dictionary<string, string>(writer.CommitData);
        kept[SchemaKey] = Schema;
        kept[PackHashKey] = _pack.Hash;
        kept[BankHashKey] = BankFingerprint;
        if (schemaChanged)
        {
            kept.Remove(DocumentsKey);
        }

        writer.SetCommitData(kept);
        writer.Commit();
        _logger.LogInformation("Knowledge index refreshed: {PackPassages} pack passages, full rebuild {Rebuilt}", _pack.Passages.Count, schemaChanged);
    }

    /// <summary>The last commit's data (read from its segments file alone); empty before the first commit.</summary>
    private Dictionary<string, string> ReadCommitData()
    {
        if (!DirectoryReader.IndexExists(_directory))
        {
            return new Dictionary<string, string>();
        }

        var infos = new SegmentInfos();
        infos.Read(_directory);
        return new Dictionary<string, string>(infos.UserData);
    }

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

        public string? Fingerprint { get; set; }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Bm25 };
    }
}
