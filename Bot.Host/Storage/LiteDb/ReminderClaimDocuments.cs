using Bot.Dialogs.Reminders;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// One sweep's claim of a chunk of outbox rows (<c>reminder_claims</c>): the rows are not rewritten; while this
/// document holds a key, reads show that row as sending under <see cref="ClaimId"/> until <see cref="LeaseUntil"/>.
/// </summary>
internal sealed class ReminderClaimBatch
{
    /// <summary>Increasing: where two claims name the same key (a lease taken over), the later one holds it.</summary>
    public long Id { get; set; }

    public string ClaimId { get; set; } = string.Empty;

    public DateTime ClaimedAt { get; set; }

    public DateTime LeaseUntil { get; set; }

    public List<string> Keys { get; set; } = [];

    /// <summary>
    /// The messages composed for these rows before the claim (each with its rows' keys): while a message's rows are
    /// held as sending it is in flight, and a crash leaves it here to be sent again under the same id
    /// (<see cref="LiteDbInFlightMessages"/>). Empty for a claim written before messages went in the claim.
    /// </summary>
    public List<InFlightMessage> Messages { get; set; } = [];
}

/// <summary>The "sent" marks of one group commit (<c>reminder_claims_sent</c>): which claimed rows went, in which message.</summary>
internal sealed class ReminderSentBatch
{
    public string Id { get; set; } = string.Empty;

    public List<ReminderSentEntry> Messages { get; set; } = [];
}

/// <summary>One message of a <see cref="ReminderSentBatch"/>: its rows of one claim document, and their mark.</summary>
internal sealed class ReminderSentEntry
{
    /// <summary>The <see cref="ReminderClaimBatch.Id"/> that held the rows when they were marked.</summary>
    public long Batch { get; set; }

    public List<string> Keys { get; set; } = [];

    public string MessageId { get; set; } = string.Empty;

    public string ConversationKey { get; set; } = string.Empty;

    public string Shape { get; set; } = string.Empty;

    public DateTime SentAt { get; set; }

    public void ApplyTo(ReminderItem row) => new SentMessage(Keys, MessageId, ConversationKey, Shape, SentAt).ApplyTo(row);
}

/// <summary>A key a claim let go of by writing its row (deferred, retrying, failed) before the claim was settled (<c>reminder_claims_ended</c>).</summary>
internal sealed class ReminderClaimEnd
{
    /// <summary>The outbox key.</summary>
    public string Id { get; set; } = string.Empty;

    public long Batch { get; set; }
}
