using Bot.Host.Channels.WhatsApp;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Every message we sent, by wamid, with its delivery status. Status webhooks arrive out of order and more than
/// once; <see cref="OutboundMessage.Apply"/> decides what they change.
/// </summary>
internal sealed class LiteDbOutboundMessageStore(SinergiDatabase database) : IOutboundMessageStore
{
    private readonly ILiteCollection<OutboundMessage> _messages = CreateCollection(database);

    /// <summary>Records an accepted send; a status that raced ahead of this call is kept.</summary>
    public void RecordAccepted(string wamid, string conversationId, string kind, DateTimeOffset at) =>
        database.InTransaction(() =>
        {
            var message = _messages.FindById(wamid) ?? new OutboundMessage { Id = wamid, Status = "accepted" };
            message.Accept(conversationId, kind, at);
            _messages.Upsert(message);
        });

    public StatusOutcome Apply(StatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return database.InTransaction(() =>
        {
            var message = _messages.FindById(update.MessageId) ?? new OutboundMessage { Id = update.MessageId, Status = "accepted" };
            var outcome = message.Apply(update);
            if (outcome != StatusOutcome.Duplicate)
            {
                _messages.Upsert(message);
            }

            return outcome;
        });
    }

    public OutboundMessage? Get(string wamid) => _messages.FindById(wamid);

    public IReadOnlyList<OutboundMessage> ListByConversation(string conversationId) =>
        _messages.Find(m => m.ConversationId == conversationId).OrderBy(m => m.AcceptedAtMs).ToList();

    private static ILiteCollection<OutboundMessage> CreateCollection(SinergiDatabase database)
    {
        var messages = database.Collection<OutboundMessage>("whatsapp_outbound");
        messages.EnsureIndex(m => m.ConversationId);
        return messages;
    }
}
