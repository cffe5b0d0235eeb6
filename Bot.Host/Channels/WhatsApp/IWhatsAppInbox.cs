namespace Bot.Host.Channels.WhatsApp;

/// <summary>The durable WhatsApp inbox: messages stored before the webhook answers, worked per conversation in order.</summary>
internal interface IWhatsAppInbox
{
    /// <summary>Adds the message; false when its wamid is already known (Meta retried).</summary>
    bool TryEnqueue(InboundMessage message, DateTimeOffset now);

    /// <summary>
    /// Conversations whose pending messages may run now: quiet for <paramref name="reorderWindow"/> (or waiting
    /// five windows, so a chatty user is not starved) and not backing off, plus when to look again for the others.
    /// </summary>
    (IReadOnlyList<string> Ready, DateTimeOffset? NextCheck) ReadyConversations(DateTimeOffset now, TimeSpan reorderWindow);

    /// <summary>
    /// The earliest-written pending message of the conversation, or null when there is none or it is backing off
    /// (later messages wait for it: answering them first would break the order).
    /// </summary>
    InboxRow? NextPending(string conversationId, DateTimeOffset now);

    /// <summary>
    /// Marks the row handled and forgets its payload. After a confidential turn (a tip) the database is also
    /// checkpointed: until then the database's log file still holds the row as it arrived, the words next to the number.
    /// </summary>
    void MarkDone(InboxRow row, DateTimeOffset now, bool confidential = false);

    /// <summary>Counts a failed attempt; after <paramref name="maxAttempts"/> the row is given up on.</summary>
    void MarkAttemptFailed(InboxRow row, DateTimeOffset now, int maxAttempts);

    InboxRow? Get(string wamid);

    /// <summary>Messages waiting or being handled (a telemetry gauge).</summary>
    int PendingCount();

    /// <summary>Forgets finished rows older than the retention; pending rows are never dropped.</summary>
    int Prune(DateTimeOffset cutoff);
}
