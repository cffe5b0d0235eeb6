using System.Security.Cryptography;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The writes of one open unit of work (<see cref="LiteDbUnitOfWork"/>), held in memory until it commits: per
/// collection, the latest version of every document the unit wrote (null when it deleted it), and what the
/// database held for that document when the unit first touched it (its stamp). Committing writes them in the order
/// they were first touched and fails with a conflict when a stamp no longer matches the database. Savepoints let a
/// nested "all or nothing" section (<see cref="SinergiDatabase.InTransaction{T}(Func{T})"/>) undo its own part.
/// </summary>
internal sealed class StagedWrites
{
    private readonly Dictionary<string, Dictionary<string, StagedDocument>> _collections = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Collection, string Key)> _order = [];
    private readonly Stack<(List<Undo> Undo, int AfterCommitCount)> _savepoints = new();
    private readonly List<Action> _afterCommit = [];
    private readonly List<Action> _withCommit = [];
    private readonly Dictionary<(string Collection, string Key), byte[]?> _readStamps = [];

    /// <summary>Actions to run once the unit has committed (caches of committed data update there).</summary>
    public IReadOnlyList<Action> AfterCommit => _afterCommit;

    /// <summary>Prepared writes (a joined unit's caller's) that run inside the commit's transaction, after the staged documents.</summary>
    public IReadOnlyList<Action> WithCommit => _withCommit;

    /// <summary>Whether the unit wrote nothing.</summary>
    public bool IsEmpty => _order.Count == 0 && _withCommit.Count == 0;

    /// <summary>Whether the unit wrote to <paramref name="collection"/> (its reads there must merge the staged documents).</summary>
    public bool Touches(string collection) => _collections.TryGetValue(collection, out var documents) && documents.Count > 0;

    /// <summary>The staged documents of a collection, by id.</summary>
    public IReadOnlyDictionary<string, StagedDocument> In(string collection) =>
        _collections.TryGetValue(collection, out var documents) ? documents : EmptyCollection;

    public bool TryGet(string collection, BsonValue id, out StagedDocument staged)
    {
        staged = null!;
        return _collections.TryGetValue(collection, out var documents) && documents.TryGetValue(KeyOf(id), out staged!);
    }

    /// <summary>
    /// Stages <paramref name="document"/> (null: deleted) as the latest version of the id; <paramref name="stamp"/> is read
    /// only on first touch, unless the unit read the document before (<see cref="RememberRead"/>).
    /// </summary>
    public void Put(string collection, BsonValue id, BsonDocument? document, Func<byte[]?> stamp) => Put(collection, id, document, stamp, fresh: false);

    /// <summary>Stages a new document based on no stored one, whatever the unit read: its commit fails if the id is taken by then.</summary>
    public void PutFresh(string collection, BsonValue id, BsonDocument document) => Put(collection, id, document, static () => null, fresh: true);

    private void Put(string collection, BsonValue id, BsonDocument? document, Func<byte[]?> stamp, bool fresh)
    {
        if (!_collections.TryGetValue(collection, out var documents))
        {
            documents = [];
            _collections[collection] = documents;
        }

        var key = KeyOf(id);
        documents.TryGetValue(key, out var previous);
        if (previous is null)
        {
            _order.Add((collection, key));
        }

        var copy = document is null ? null : Copy(document);
        var basedOn = previous is not null ? previous.Stamp
            : fresh ? null
            : _readStamps.TryGetValue((collection.ToUpperInvariant(), key), out var read) ? read
            : stamp();
        documents[key] = new StagedDocument(id, copy, basedOn);
        if (_savepoints.TryPeek(out var savepoint))
        {
            savepoint.Undo.Add(new Undo(collection, key, previous));
        }
    }

    /// <summary>
    /// Remembers what a stored document held when the unit first read it: a write of it later in the unit is based on
    /// that, so a change committed by someone else in between is a conflict, not a lost update.
    /// </summary>
    public void RememberRead(string collection, BsonDocument stored)
    {
        if (stored.TryGetValue("_id", out var id))
        {
            _readStamps.TryAdd((collection.ToUpperInvariant(), KeyOf(id)), StampOf(stored));
        }
    }

    /// <summary>As <see cref="RememberRead"/> with the stamp of the document already known.</summary>
    public void RememberStamp(string collection, BsonValue id, byte[] stamp) => _readStamps.TryAdd((collection.ToUpperInvariant(), KeyOf(id)), stamp);

    public void OnCommitted(Action action) => _afterCommit.Add(action);

    public void WriteWithCommit(Action write) => _withCommit.Add(write);

    /// <summary>Opens a savepoint; <see cref="Release"/> keeps what was staged since, <see cref="RollBack"/> undoes it.</summary>
    public void Savepoint() => _savepoints.Push(([], _afterCommit.Count));

    public void Release()
    {
        var (undo, _) = _savepoints.Pop();
        if (_savepoints.TryPeek(out var outer))
        {
            outer.Undo.AddRange(undo);
        }
    }

    public void RollBack()
    {
        var (undo, afterCommitCount) = _savepoints.Pop();
        _afterCommit.RemoveRange(afterCommitCount, _afterCommit.Count - afterCommitCount);
        for (var i = undo.Count - 1; i >= 0; i--)
        {
            var (collection, key, previous) = undo[i];
            var documents = _collections[collection];
            if (previous is null)
            {
                documents.Remove(key);
                _order.Remove((collection, key));
            }
            else
            {
                documents[key] = previous;
            }
        }
    }

    /// <summary>Every staged document in the order first touched (what a commit writes).</summary>
    public IEnumerable<(string Collection, StagedDocument Staged)> InOrder() =>
        _order.Select(entry => (entry.Collection, _collections[entry.Collection][entry.Key]));

    /// <summary>A digest of a stored document's content, to notice a change by someone else (null: no document).</summary>
    public static byte[]? StampOf(BsonDocument? stored) => stored is null ? null : SHA256.HashData(BsonSerializer.Serialize(stored));

    /// <summary>A deep copy (callers keep changing the documents they handed over).</summary>
    public static BsonDocument Copy(BsonDocument document) => BsonSerializer.Deserialize(BsonSerializer.Serialize(document));

    private static string KeyOf(BsonValue id) => JsonSerializer.Serialize(id);

    private static readonly Dictionary<string, StagedDocument> EmptyCollection = [];

    private sealed record Undo(string Collection, string Key, StagedDocument? Previous);
}

/// <summary>A staged document: its id, its latest version (null when deleted), and the stored bytes it was based on (null when absent).</summary>
internal sealed record StagedDocument(BsonValue Id, BsonDocument? Document, byte[]? Stamp);
