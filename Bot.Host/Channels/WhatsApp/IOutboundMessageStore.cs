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

    /// <summary>
    /// Adds a status webhook to the history. Webhooks arrive out of order and more than once, so a status only moves
    /// the message forward (sent, delivered, read); failed is final; unknown statuses (e.g. "deleted") are kept in
    /// the history but never move it.
    /// </summary>
    public StatusOutcome Apply(StatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (History.Any(h => h.Status == update.Status))
        {
            return StatusOutcome.Duplicate;
        }

        History.Add(new StatusEvent { Status = update.Status, AtMs = update.Timestamp.ToUnixTimeMilliseconds(), ErrorCode = update.ErrorCode });
        if (Status == "failed" || (update.Status != "failed" && Rank(update.Status) <= Rank(Status)))
        {
            return StatusOutcome.Stale;
        }

        Status = update.Status;
        StatusAtMs = update.Timestamp.ToUnixTimeMilliseconds();
        ErrorCode = update.ErrorCode;
        ErrorTitle = update.ErrorTitle;
        return StatusOutcome.Applied;
    }

    /// <summary>Records the accepted send; a status that raced ahead of it is kept.</summary>
    public void Accept(string conversationId, string kind, DateTimeOffset at)
    {
        ConversationId = conversationId;
        Kind = kind;
        AcceptedAtMs = at.ToUnixTimeMilliseconds();
    }

    private static int Rank(string status) => status switch
    {
        "accepted" => 0,
        "sent" => 1,
        "delivered" => 2,
        "read" => 3,
        _ => -1,
    };
}

internal sealed class StatusEvent
{
    public string Status { get; set; } = string.Empty;
    public long AtMs { get; set; }
    public int? ErrorCode { get; set; }
}
