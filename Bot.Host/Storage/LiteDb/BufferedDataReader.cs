using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>A reader over query results already read into memory (no page is read lazily after the engine lock is released).</summary>
internal sealed class BufferedDataReader(List<BsonValue> values, string collection) : IBsonDataReader
{
    private int _index = -1;

    public BsonValue this[string field] => Current.AsDocument[field] ?? BsonValue.Null;

    public string Collection => collection;

    public BsonValue Current => _index >= 0 && _index < values.Count ? values[_index] : BsonValue.Null;

    public bool HasValues => values.Count > 0;

    public bool Read() => ++_index < values.Count;

    public void Dispose()
    {
    }
}
