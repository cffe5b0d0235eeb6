using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Entities of a read-mostly collection, read once and then served from memory until anything writes to that
/// collection (<see cref="CollectionReadCache{TValue}"/>). The document is kept as BSON bytes and mapped afresh on
/// every read, so a caller that changes the entity it got changes nothing cached.
/// </summary>
internal sealed class EntityReadCache<T>(SinergiDatabase database, string collection, int capacity)
    where T : class
{
    private readonly CollectionReadCache<byte[]?> _bytes = new(database, collection, capacity);

    /// <summary>The entity under <paramref name="key"/>; <paramref name="read"/> finds its document on a miss.</summary>
    public T? Get(string key, Func<ILiteCollection<BsonDocument>, BsonDocument?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var bytes = _bytes.Get(key, () => read(database.Raw.GetCollection(collection)) is { } found ? BsonSerializer.Serialize(found) : null);
        if (bytes is null)
        {
            return null;
        }

        var document = BsonSerializer.Deserialize(bytes);
        database.RememberRead(collection, document); // a write of it later in the unit of work is based on this
        return database.Mapper.ToObject<T>(document);
    }
}
