namespace Bot.Dialogs.Reminders;

/// <summary>One reminder message delivered (what the per-user daily cap counts).</summary>
internal sealed class ReminderDelivery
{
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public DateTime SentAt { get; set; }

    public string ConversationKey { get; set; } = string.Empty;

    public int Items { get; set; }

    /// <summary>"single", "folded", "catch-up" or "digest".</summary>
    public string Shape { get; set; } = string.Empty;
}
