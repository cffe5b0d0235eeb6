using Bot.Host.Storage.LiteDb;
using LiteDB;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// Every message we sent, by wamid, with its delivery status. Status webhooks arrive out of order and more than
/// once, so they only move a message forward (sent, delivered, read); failed is final.
/// </summary>
internal sealed class OutboundMessageStore(SinergiDatabase database)
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

internal enum StatusOutcome
{
    Applied,
    Stale,
    Duplicate,
}

/// <summary>A message we sent and what became of it.</summary>
internal sealed class OutboundMessage
{
    public string Id { get; set; } = string.Empty;
    public string? ConversationId { get; set; }

    /// <summary>reply, proactive or template.</summary>
    public string? Kind { get; set; }

    public string Status { get; set; } = "accepted";
    public long AcceptedAtMs { get; set; }
    public long StatusAtMs { get; set; }
    public int? ErrorCode { get; set; }
    public string? ErrorTitle { get; set; }
    public List<StatusEvent> History { get; set; } = [];
}

internal sealed class StatusEvent
{
    public string Status { get; set; } = string.Empty;
    public long AtMs { get; set; }
    public int? ErrorCode { get; set; }
}
