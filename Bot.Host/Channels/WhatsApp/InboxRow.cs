namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// One inbound WhatsApp message in the durable inbox. The wamid is the key, so a retried webhook cannot insert
/// it twice. Times are Unix milliseconds: the LiteDB adapter hands <see cref="DateTime"/> back in local time. Once handled, only
/// the wamid, the times and the state remain (an anonymous tip must not stay next to the sender's number).
/// </summary>
internal sealed class InboxRow
{
    public string Id { get; set; } = string.Empty;
    public string ConversationId { get; set; } = string.Empty;
    public string PhoneNumberId { get; set; } = string.Empty;
    public string WaId { get; set; } = string.Empty;
    public string? ProfileName { get; set; }
    public string Type { get; set; } = string.Empty;

    /// <summary>When the user sent it (Meta's timestamp, second resolution).</summary>
    public long SentAtMs { get; set; }

    /// <summary>When the webhook delivered it to us.</summary>
    public long ReceivedAtMs { get; set; }

    /// <summary>Arrival order, to break ties between messages sent in the same second.</summary>
    public long Sequence { get; set; }

    /// <summary>The raw message object, exactly as Meta sent it.</summary>
    public string Json { get; set; } = string.Empty;

    public InboxState State { get; set; }
    public int Attempts { get; set; }
    public long NextAttemptAtMs { get; set; }
    public long? ProcessedAtMs { get; set; }

    /// <summary>A message as it enters the inbox, pending from now; <paramref name="sequence"/> is its arrival order.</summary>
    public static InboxRow Pending(InboundMessage message, DateTimeOffset now, long sequence)
    {
        ArgumentNullException.ThrowIfNull(message);
        var received = now.ToUnixTimeMilliseconds();
        return new InboxRow
        {
            Id = message.Id,
            ConversationId = WhatsAppAddress.ConversationId(message.PhoneNumberId, message.From),
            PhoneNumberId = message.PhoneNumberId,
            WaId = message.From,
            ProfileName = message.ProfileName,
            Type = message.Type,
            SentAtMs = message.Timestamp.ToUnixTimeMilliseconds(),
            ReceivedAtMs = received,
            Sequence = sequence,
            Json = message.RawJson,
            State = InboxState.Pending,
            NextAttemptAtMs = received,
        };
    }

    /// <summary>Handled: done, and nothing of what the user sent is kept.</summary>
    public void Finish(DateTimeOffset now)
    {
        State = InboxState.Done;
        ProcessedAtMs = now.ToUnixTimeMilliseconds();
        ForgetPayload();
    }

    /// <summary>Counts a failed attempt and backs off (5 s per attempt); after <paramref name="maxAttempts"/> the row is given up on.</summary>
    public void FailAttempt(DateTimeOffset now, int maxAttempts)
    {
        Attempts++;
        State = Attempts >= maxAttempts ? InboxState.Failed : InboxState.Pending;
        NextAttemptAtMs = now.AddSeconds(5 * Attempts).ToUnixTimeMilliseconds();
        if (State == InboxState.Failed)
        {
            // Given up: nothing will read the message again, so it is not kept either.
            ForgetPayload();
        }
    }

    /// <summary>
    /// Drops what the user sent and who sent it. De-duplication needs only the wamid and the receipt time; the
    /// conversation key serves the ordering of pending rows, which this row no longer is.
    /// </summary>
    public void ForgetPayload()
    {
        ConversationId = string.Empty;
        PhoneNumberId = string.Empty;
        WaId = string.Empty;
        ProfileName = null;
        Type = string.Empty;
        Json = string.Empty;
    }
}

internal enum InboxState
{
    Pending,
    Done,
    Failed,
}
