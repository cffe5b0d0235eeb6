using Bot.Dialogs.Storage;
using LiteDB;
using LiteDB.Engine;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The engine every store of the main database talks to. Outside a unit of work it passes each call to the
/// serialised engine. Inside one (<see cref="LiteDbUnitOfWork"/>) writes go to the unit's <see cref="StagedWrites"/>
/// instead, and queries on a collection the unit wrote to see the database with the unit's writes laid over it:
/// the matching stored documents and the staged ones are put in a scratch in-memory engine, which runs the query as
/// written (filters, order, limits, counts), so the stores need no code of their own for it. Ids a store leaves to
/// the engine are given here: a new ObjectId or Guid, or the next integer from an in-process counter, so that turns
/// registering at the same moment do not collide on ids.
/// </summary>
internal sealed class StagingLiteEngine(ILiteEngine inner, Func<StagedWrites?> current) : ILiteEngine
{
    private readonly Dictionary<string, long> _handedOut = new(StringComparer.OrdinalIgnoreCase);

    public IBsonDataReader Query(string collection, Query query)
    {
        if (current() is not { } staged)
        {
            return inner.Query(collection, query);
        }

        if (staged.Touches(collection))
        {
            return Merged(staged, collection, query);
        }

        var values = new List<BsonValue>();
        using (var reader = inner.Query(collection, query))
        {
            while (reader.Read())
            {
                values.Add(reader.Current);
            }
        }

        if (IsWholeDocument(query))
        {
            foreach (var value in values.Where(v => v.IsDocument))
            {
                staged.RememberRead(collection, value.AsDocument);
            }
        }

        return new BufferedDataReader(values, collection);
    }

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        if (current() is not { } staged)
        {
            return inner.Insert(collection, docs, autoId);
        }

        var count = 0;
        foreach (var doc in docs)
        {
            var id = EnsureId(collection, doc, autoId);
            var (exists, stored) = Look(staged, collection, id);
            if (exists)
            {
                throw new LiteException(LiteException.INDEX_DUPLICATE_KEY, $"Cannot insert duplicate key in unique index '_id'. The duplicate value is '{id}'.");
            }

            Stage(staged, collection, id, doc, stored);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Inserts a document whose id the caller knows no committed document holds (a fresh key, like a transcript page at
    /// the conversation's watermark). Inside a unit of work it is staged without reading the database for its id; the
    /// commit still checks that no stored document holds it (<see cref="Apply"/>), so a clash is a conflict there and
    /// the unit's work runs again. Outside a unit, or for an id the unit staged already, an ordinary insert.
    /// </summary>
    public void InsertFresh(string collection, BsonDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (current() is not { } staged || staged.TryGet(collection, doc["_id"], out _))
        {
            Insert(collection, [doc], BsonAutoId.ObjectId);
            return;
        }

        staged.PutFresh(collection, doc["_id"], doc);
    }

    public int Update(string collection, IEnumerable<BsonDocument> docs)
    {
        if (current() is not { } staged)
        {
            return inner.Update(collection, docs);
        }

        var count = 0;
        foreach (var doc in docs)
        {
            var id = doc["_id"];
            var (exists, stored) = Look(staged, collection, id);
            if (exists)
            {
                Stage(staged, collection, id, doc, stored);
                count++;
            }
        }

        return count;
    }

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        if (current() is not { } staged)
        {
            return inner.Upsert(collection, docs, autoId);
        }

        var inserted = 0;
        foreach (var doc in docs)
        {
            var id = EnsureId(collection, doc, autoId);
            var (exists, stored) = Look(staged, collection, id);
            if (!exists)
            {
                inserted++;
            }

            Stage(staged, collection, id, doc, stored);
        }

        return inserted;
    }

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate)
    {
        if (current() is not { } staged)
        {
            return inner.UpdateMany(collection, transform, predicate);
        }

        var count = 0;
        foreach (var doc in Matching(collection, predicate))
        {
            var updated = transform.ExecuteScalar(doc).AsDocument;
            updated["_id"] = doc["_id"];
            var id = doc["_id"];
            staged.Put(collection, id, updated, () => StagedWrites.StampOf(FindStored(collection, id)));
            count++;
        }

        return count;
    }

    public int Delete(string collection, IEnumerable<BsonValue> ids)
    {
        if (current() is not { } staged)
        {
            return inner.Delete(collection, ids);
        }

        var count = 0;
        foreach (var id in ids)
        {
            var (exists, stored) = Look(staged, collection, id);
            if (exists)
            {
                Stage(staged, collection, id, null, stored);
                count++;
            }
        }

        return count;
    }

    public int DeleteMany(string collection, BsonExpression predicate) =>
        current() is { } staged ? Delete(collection, Matching(collection, predicate).Select(d => d["_id"]).ToList()) : inner.DeleteMany(collection, predicate);

    /// <summary>
    /// Writes a unit's staged documents through the real engine, inside the caller's transaction, only if the database
    /// still holds every document the unit based its work on. All of them are checked before the first is written, so
    /// a <see cref="StaleUnitException"/> means nothing of the unit was written and the transaction can go on without it.
    /// </summary>
    public void Apply(StagedWrites staged)
    {
        var checkedWrites = new List<(string Collection, StagedDocument Document, bool Exists)>();
        foreach (var (collection, document) in staged.InOrder())
        {
            var stored = StagedWrites.StampOf(FindStored(collection, document.Id));
            if (!SameBytes(stored, document.Stamp))
            {
                throw new StaleUnitException(new StorageConflictException($"A record in '{collection}' was changed by someone else since this work read it."));
            }

            checkedWrites.Add((collection, document, stored is not null));
        }

        foreach (var (collection, document, exists) in checkedWrites)
        {
            if (document.Document is { } written)
            {
                // The check above read whether it exists, under the engine lock the transaction holds: no second lookup.
                _ = exists
                    ? inner.Update(collection, [StagedWrites.Copy(written)])
                    : inner.Insert(collection, [StagedWrites.Copy(written)], BsonAutoId.ObjectId);
            }
            else if (exists)
            {
                inner.Delete(collection, [document.Id]);
            }
        }
    }

    // Transactions inside a unit are savepoints of it (SinergiDatabase.InTransaction handles them before they get here).
    public bool BeginTrans() => inner.BeginTrans();

    public bool Commit() => inner.Commit();

    public bool Rollback() => inner.Rollback();

    public int Checkpoint() => inner.Checkpoint();

    public long Rebuild(RebuildOptions options) => inner.Rebuild(options);

    public bool DropCollection(string name) => inner.DropCollection(name);

    public bool RenameCollection(string name, string newName) => inner.RenameCollection(name, newName);

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => inner.EnsureIndex(collection, name, expression, unique);

    public bool DropIndex(string collection, string name) => inner.DropIndex(collection, name);

    public BsonValue Pragma(string name) => inner.Pragma(name);

    public bool Pragma(string name, BsonValue value) => inner.Pragma(name, value);

    public void Dispose() => inner.Dispose();

    private static void Stage(StagedWrites staged, string collection, BsonValue id, BsonDocument? document, BsonDocument? stored) =>
        staged.Put(collection, id, document, () => StagedWrites.StampOf(stored));

    /// <summary>Whether the id exists as the unit sees it, and the stored document read for it (null when the unit staged it already).</summary>
    private (bool Exists, BsonDocument? Stored) Look(StagedWrites staged, string collection, BsonValue id)
    {
        if (staged.TryGet(collection, id, out var found))
        {
            return (found.Document is not null, null);
        }

        var stored = FindStored(collection, id);
        return (stored is not null, stored);
    }

    private BsonDocument? FindStored(string collection, BsonValue id)
    {
        var query = new Query();
        query.Where.Add(BsonExpression.Create("_id = @0", id));
        using var reader = inner.Query(collection, query);
        return reader.Read() ? reader.Current.AsDocument : null;
    }

    /// <summary>The id of a new document, given here when the store left it to the engine.</summary>
    private BsonValue EnsureId(string collection, BsonDocument doc, BsonAutoId autoId)
    {
        if (doc.TryGetValue("_id", out var id) && !id.IsNull)
        {
            return id;
        }

        id = autoId switch
        {
            BsonAutoId.ObjectId => ObjectId.NewObjectId(),
            BsonAutoId.Guid => Guid.NewGuid(),
            BsonAutoId.Int64 => NextNumber(collection),
            BsonAutoId.Int32 => (int)NextNumber(collection),
            _ => throw new LiteException(0, $"A document of '{collection}' has no id and the collection gives none."),
        };
        doc["_id"] = id;
        return id;
    }

    /// <summary>
    /// The next integer id of a collection: above what is stored and above every id handed to a unit in this process,
    /// so units open at the same time never pick the same one (like a database sequence, an id a unit took and did
    /// not commit is skipped, not reused).
    /// </summary>
    private long NextNumber(string collection)
    {
        var query = new Query { OrderBy = BsonExpression.Create("_id"), Order = LiteDB.Query.Descending, Limit = 1 };
        long stored;
        using (var reader = inner.Query(collection, query))
        {
            stored = reader.Read() && reader.Current.AsDocument["_id"].IsNumber ? reader.Current.AsDocument["_id"].AsInt64 : 0L;
        }

        lock (_handedOut)
        {
            var next = Math.Max(_handedOut.GetValueOrDefault(collection), stored) + 1;
            _handedOut[collection] = next;
            return next;
        }
    }

    private List<BsonDocument> Matching(string collection, BsonExpression predicate)
    {
        var query = new Query();
        query.Where.Add(predicate);
        using var reader = Query(collection, query);
        var found = new List<BsonDocument>();
        while (reader.Read())
        {
            found.Add(reader.Current.AsDocument);
        }

        return found;
    }

    /// <summary>The query run over the stored documents it may match with the unit's writes laid over them.</summary>
    private BufferedDataReader Merged(StagedWrites staged, string collection, Query query)
    {
        var candidates = new Query();
        foreach (var filter in query.Where)
        {
            candidates.Where.Add(filter);
        }

        var documents = new List<BsonDocument>();
        using (var stored = inner.Query(collection, candidates))
        {
            while (stored.Read())
            {
                var document = stored.Current.AsDocument;
                if (!staged.TryGet(collection, document["_id"], out _))
                {
                    staged.RememberRead(collection, document);
                    documents.Add(document);
                }
            }
        }

        documents.AddRange(staged.In(collection).Values.Where(s => s.Document is not null).Select(s => StagedWrites.Copy(s.Document!)));
        using var scratch = new LiteEngine(new EngineSettings { DataStream = new MemoryStream() });
        if (documents.Count > 0)
        {
            scratch.Insert(collection, documents, BsonAutoId.ObjectId);
        }

        var values = new List<BsonValue>();
        using (var reader = scratch.Query(collection, query))
        {
            while (reader.Read())
            {
                values.Add(reader.Current);
            }
        }

        return new BufferedDataReader(values, collection);
    }

    /// <summary>Whether the query returns whole stored documents (not a projection or a count), which can stamp what was read.</summary>
    private static bool IsWholeDocument(Query query) =>
        query.Select is null || query.Select.Source == "$";

    private static bool SameBytes(byte[]? left, byte[]? right) =>
        left is null || right is null ? left is null && right is null : left.AsSpan().SequenceEqual(right);
}
