using Bot.Host.Channels.WhatsApp;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// When each user last wrote to us. Free-form messages are allowed only within 24 hours of that
/// (protocol/whatsapp-cloud.md §4); after it, only an approved template.
/// </summary>
internal sealed class LiteDbServiceWindowStore(SinergiDatabase database) : IServiceWindowStore
{
    private readonly ILiteCollection<LastInbound> _windows = database.Collection<LastInbound>("whatsapp_windows");

    /// <summary>Moves the last-inbound time forward (never back: messages arrive out of order).</summary>
    public void Touch(string conversationId, DateTimeOffset at) =>
        database.InTransaction(() =>
        {
            var ms = at.ToUnixTimeMilliseconds();
            var row = _windows.FindById(conversationId);
            if (row is null)
            {
                _windows.Insert(new LastInbound { Id = conversationId, AtMs = ms });
            }
            else if (ms > row.AtMs)
            {
                row.AtMs = ms;
                _windows.Update(row);
            }
        });

    public DateTimeOffset? LastInboundAt(string conversationId) =>
        _windows.FindById(conversationId) is { } row ? DateTimeOffset.FromUnixTimeMilliseconds(row.AtMs) : null;

    public bool IsOpen(string conversationId, DateTimeOffset now) =>
        LastInboundAt(conversationId) is { } last && now - last < IServiceWindowStore.Window;

    internal sealed class LastInbound
    {
        public string Id { get; set; } = string.Empty;
        public long AtMs { get; set; }
    }
}
