using Bot.Host.Channels.WhatsApp;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Every message we sent, by wamid, with its delivery status. Status webhooks arrive out of order and more than
/// once, so they only move a message forward (sent, delivered, read); failed is final.
/// </summary>
internal sealed class LiteDbOutboundMessageStore(SinergiDatabase database) : IOutboundMessageStore
{
    private readonly ILiteCollection<OutboundMessage> _messages = CreateCollection(database);

    /// <summary>Records an accepted send; a status that raced ahead of this call is kept.</summary>
    public void RecordAccepted(string wamid, string conversationId, string kind, DateTimeOffset at) =>
        database.InTransaction(() =>
        {
            var message = _messages.FindById(wamid) ?? new OutboundMessage { Id = wamid, Status = "accepted" };
            message.ConversationId = conversationId;
            message.Kind = kind;
            message.AcceptedAtMs = at.ToUnixTimeMilliseconds();
            _messages.Upsert(message);
        });

    public StatusOutcome Apply(StatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return database.InTransaction(() =>
        {
            var message = _messages.FindById(update.MessageId) ?? new OutboundMessage { Id = update.MessageId, Status = "accepted" };
            if (message.History.Any(h => h.Status == update.Status))
            {
                return StatusOutcome.Duplicate;
            }

            message.History.Add(new StatusEvent { Status = update.Status, AtMs = update.Timestamp.ToUnixTimeMilliseconds(), ErrorCode = update.ErrorCode });
            var forward = message.Status != "failed" && (update.Status == "failed" || Rank(update.Status) > Rank(message.Status));
            if (forward)
            {
                message.Status = update.Status;
                message.StatusAtMs = update.Timestamp.ToUnixTimeMilliseconds();
                message.ErrorCode = update.ErrorCode;
                message.ErrorTitle = update.ErrorTitle;
            }

            _messages.Upsert(message);
            return forward ? StatusOutcome.Applied : StatusOutcome.Stale;
        });
    }

    public OutboundMessage? Get(string wamid) => _messages.FindById(wamid);

    public IReadOnlyList<OutboundMessage> ListByConversation(string conversationId) =>
        _messages.Find(m => m.ConversationId == conversationId).OrderBy(m => m.AcceptedAtMs).ToList();

    /// <summary>Unknown statuses (e.g. "deleted") are kept in the history but never move the status.</summary>
    private static int Rank(string status) => status switch
    {
        "accepted" => 0,
        "sent" => 1,
        "delivered" => 2,
        "read" => 3,
        _ => -1,
    };

    private static ILiteCollection<OutboundMessage> CreateCollection(SinergiDatabase database)
    {
        var messages = database.Collection<OutboundMessage>("whatsapp_outbound");
        messages.EnsureIndex(m => m.ConversationId);
        return messages;
    }
}
