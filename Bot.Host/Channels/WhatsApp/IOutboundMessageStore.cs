namespace Bot.Host.Channels.WhatsApp;

/// <summary>The WhatsApp messages the Graph API accepted, with their delivery statuses as the webhook reports them.</summary>
internal interface IOutboundMessageStore
{
    /// <summary>Records an accepted send; a status that raced ahead of this call is kept.</summary>
    void RecordAccepted(string wamid, string conversationId, string kind, DateTimeOffset at);

    StatusOutcome Apply(StatusUpdate update);

    OutboundMessage? Get(string wamid);

    IReadOnlyList<OutboundMessage> ListByConversation(string conversationId);
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
