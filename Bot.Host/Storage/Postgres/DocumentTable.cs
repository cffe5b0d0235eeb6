using System.Text.Json;
using Bot.Dialogs.Engine.Dialogs;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// A table of JSON documents, <c>(id, doc jsonb)</c>, with the queries the stores need (conditions on
/// <c>doc-&gt;&gt;'Field'</c>, indexed in the migrations). The JSON is System.Text.Json with the dialog state's options
/// (enums by name), written when the call is made: changing the object afterwards changes nothing stored.
/// </summary>
/// <remarks>Table names and conditions are constants of the stores; values always travel as parameters.</remarks>
internal sealed class DocumentTable<T>(PostgresDatabase database, string table)
    where T : class
{
    public string Name => table;

    public static string Serialise(T document) => JsonSerializer.Serialize(document, DialogStateJson.Options);

    public static T Deserialise(string json) =>
        JsonSerializer.Deserialize<T>(json, DialogStateJson.Options) ?? throw new InvalidOperationException("A stored document is null.");

    public T? Get(object id) => GetJson(id) is { } json ? Deserialise(json) : null;

    /// <summary>The document <see cref="Get"/> finds, as its JSON.</summary>
    public string? GetJson(object id) => database.Use((c, t) =>
        c.QuerySingleOrDefault<string>($"select doc::text from {table} where id = @id", new { id }, t));

    public T? GetForUpdate(object id) => database.Use((c, t) =>
        c.QuerySingleOrDefault<string>($"select doc::text from {table} where id = @id for update", new { id }, t) is { } json ? Deserialise(json) : null);

    public IReadOnlyList<T> Where(string condition, object? parameters = null, string orderBy = "id", int? limit = null) =>
        WhereJson(condition, parameters, orderBy, limit).Select(Deserialise).ToList();

    /// <summary>The documents <see cref="Where"/> finds, as their JSON.</summary>
    public IReadOnlyList<string> WhereJson(string condition, object? parameters = null, string orderBy = "id", int? limit = null) => database.Use((c, t) =>
        c.Query<string>($"select doc::text from {table} where {condition} order by {orderBy} limit {(limit is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "all")}", parameters, t)
            .AsList());

    public T? First(string condition, object? parameters = null, string orderBy = "id") => database.Use((c, t) =>
        c.QueryFirstOrDefault<string>($"select doc::text from {table} where {condition} order by {orderBy} limit 1", parameters, t) is { } json ? Deserialise(json) : null);

    public IReadOnlyList<T> All(string orderBy = "id") => Where("true", null, orderBy);

    public bool Exists(string condition, object? parameters = null) => database.Use((c, t) =>
        c.ExecuteScalar<bool>($"select exists (select 1 from {table} where {condition})", parameters, t));

    public int Count(string condition = "true", object? parameters = null) => database.Use((c, t) =>
        c.ExecuteScalar<int>($"select count(*) from {table} where {condition}", parameters, t));

    /// <summary>Inserts; a second row with the same id throws <see cref="Bot.Dialogs.Storage.StorageConflictException"/>.</summary>
    public void Insert(object id, T document) => Insert(id, Serialise(document));

    public void Insert(object id, string json) => database.Use((c, t) =>
        c.Execute($"insert into {table} (id, doc) values (@id, @json::jsonb)", new { id, json }, t));

    /// <summary>Inserts unless the id exists; false when it did.</summary>
    public bool TryInsert(object id, T document) => database.Use((c, t) =>
        c.Execute($"insert into {table} (id, doc) values (@id, @json::jsonb) on conflict (id) do nothing", new { id, json = Serialise(document) }, t) == 1);

    public void Upsert(object id, T document) => Upsert(id, Serialise(document));

    public void Upsert(object id, string json) => database.Use((c, t) =>
        c.Execute($"insert into {table} (id, doc) values (@id, @json::jsonb) on conflict (id) do update set doc = excluded.doc", new { id, json }, t));

    /// <summary>Upserts in the batch of a turn's commit (<see cref="PostgresTransaction.Write"/>), or at once outside one.</summary>
    public void UpsertInBatch(object id, string json) =>
        database.Write($"insert into {table} (id, doc) values (@id, @json::jsonb) on conflict (id) do update set doc = excluded.doc", new { id, json });

    /// <summary>Deletes in the batch of a turn's commit, or at once outside one.</summary>
    public void DeleteInBatch(object id) => database.Write($"delete from {table} where id = @id", new { id });

    public bool Update(object id, T document) => database.Use((c, t) =>
        c.Execute($"update {table} set doc = @json::jsonb where id = @id", new { id, json = Serialise(document) }, t) == 1);

    public bool Delete(object id) => database.Use((c, t) =>
        c.Execute($"delete from {table} where id = @id", new { id }, t) == 1);

    public int DeleteWhere(string condition, object? parameters = null) => database.Use((c, t) =>
        c.Execute($"delete from {table} where {condition}", parameters, t));

    /// <summary>The next id of a table keyed by number (its sequence <c>{table}_id_seq</c>).</summary>
    public int NextId() => database.Use((c, t) => c.ExecuteScalar<int>($"select nextval('{table}_id_seq')::int", transaction: t));
}
