using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// One row of the reminder outbox. <see cref="Id"/> is the idempotency key, so a second row for the same
/// (commitment, period, step, recipient) cannot exist. <see cref="WakeAt"/> is the one indexed time the sweep
/// asks about: the due time while pending, the lease expiry while sending, and never once finished.
/// </summary>
public sealed class ReminderItem
{
    public static readonly DateTime Never = DateTime.MaxValue;

    public string Id { get; set; } = string.Empty;
    public string RecipientId { get; set; } = string.Empty;
    public ReminderKind Kind { get; set; }

    /// <summary>"H-7", "H-1", "H", "H+1", "H+3", "window", "nudge"…</summary>
    public string Step { get; set; } = string.Empty;

    public int CommitmentId { get; set; }
    public string? CommitmentCode { get; set; }
    public string? CommitmentTitle { get; set; }
    public int OrganisationId { get; set; }
    public string? OrganisationName { get; set; }
    public ReportingPeriod? Period { get; set; }

    /// <summary>The deadline or period end the reminder counts towards (a date, stored at midnight UTC).</summary>
    public DateTime? TargetDate { get; set; }

    /// <summary>True when <see cref="TargetDate"/> is the commitment's own deadline rather than a period end.</summary>
    public bool IsDeadline { get; set; }

    public DateTime DueAt { get; set; }
    public ReminderStatus Status { get; set; }
    public DateTime WakeAt { get; set; }

    /// <summary>Which claim holds the lease while sending; a stale sweep cannot mark someone else's claim.</summary>
    public string? ClaimId { get; set; }

    public DateTime? ClaimedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>"delivered", "folded", the last error, or why it was skipped.</summary>
    public string? Outcome { get; set; }

    /// <summary>The message that carried it (several rows may share one folded message).</summary>
    public string? MessageId { get; set; }

    /// <summary>The conversation it went to ("channel|conversation id").</summary>
    public string? ConversationKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateOnly? Target => TargetDate is { } d ? DateOnly.FromDateTime(d) : null;
}
