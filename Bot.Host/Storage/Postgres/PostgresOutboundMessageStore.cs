using Bot.Host.Channels.WhatsApp;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Every WhatsApp message we sent, by wamid, with its delivery status (<see cref="OutboundMessage.Apply"/> decides what
/// a status webhook changes). A write locks the message's row, so two hosts receiving two statuses of one message
/// apply them one after the other.
/// </summary>
internal sealed class PostgresOutboundMessageStore(PostgresDatabase database) : IOutboundMessageStore
{
    private readonly DocumentTable<OutboundMessage> _messages = new(database, "whatsapp_outbound");

    public void RecordAccepted(string wamid, string conversationId, string kind, DateTimeOffset at) => database.Transactions.Run(() =>
    {
        var message = Lock(wamid);
        message.Accept(conversationId, kind, at);
        _messages.Update(wamid, message);
    });

    public StatusOutcome Apply(StatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return database.Transactions.Run(() =>
        {
            var message = Lock(update.MessageId);
            var outcome = message.Apply(update);
            if (outcome != StatusOutcome.Duplicate)
            {
                _messages.Update(update.MessageId, message);
            }

            return outcome;
        });
    }

    public OutboundMessage? Get(string wamid) => _messages.Get(wamid);

    public IReadOnlyList<OutboundMessage> ListByConversation(string conversationId) =>
        _messages.Where("doc ->> 'ConversationId' = @conversationId", new { conversationId }, orderBy: "(doc ->> 'AcceptedAtMs')::bigint, id");

    /// <summary>The message's row, created first when no send or status made it yet, locked until the transaction ends.</summary>
    private OutboundMessage Lock(string wamid)
    {
        _messages.TryInsert(wamid, new OutboundMessage { Id = wamid, Status = "accepted" });
        return _messages.GetForUpdate(wamid) ?? throw new InvalidOperationException("The outbound message row vanished.");
    }
}
