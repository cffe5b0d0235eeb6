using System.Globalization;
using Bot.Host.Channels.WhatsApp;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>The 24-hour service window per WhatsApp conversation: the latest inbound time only ever moves forward.</summary>
internal sealed class PostgresServiceWindowStore(PostgresDatabase database) : IServiceWindowStore
{
    public void Touch(string conversationId, DateTimeOffset at) => database.Use((c, t) => c.Execute(
        """
        insert into whatsapp_windows (id, at_ms) values (@conversationId, @ms)
        on conflict (id) do update set at_ms = greatest(whatsapp_windows.at_ms, excluded.at_ms)
        """,
        new { conversationId, ms = at.ToUnixTimeMilliseconds() },
        t));

    public DateTimeOffset? LastInboundAt(string conversationId) => database.Use((c, t) =>
        c.QuerySingleOrDefault<long?>("select at_ms from whatsapp_windows where id = @conversationId", new { conversationId }, t)) is { } ms
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : null;

    public bool IsOpen(string conversationId, DateTimeOffset now) =>
        LastInboundAt(conversationId) is { } last && now - last < IServiceWindowStore.Window;
}

/// <summary>The numbered choices last offered in a WhatsApp conversation; an answer uses them up.</summary>
internal sealed class PostgresNumberedChoiceStore(PostgresDatabase database) : INumberedChoiceStore
{
    public void Remember(string conversationId, IReadOnlyList<string> choices) => database.Use((c, t) => c.Execute(
        "insert into whatsapp_choices (id, texts) values (@conversationId, @texts) on conflict (id) do update set texts = excluded.texts",
        new { conversationId, texts = choices.ToArray() },
        t));

    public string? Resolve(string conversationId, string? text)
    {
        var stored = database.Use((c, t) =>
            c.QuerySingleOrDefault<string[]>("delete from whatsapp_choices where id = @conversationId returning texts", new { conversationId }, t));
        return stored is not null
            && int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= stored.Length
            ? stored[n - 1]
            : null;
    }
}
