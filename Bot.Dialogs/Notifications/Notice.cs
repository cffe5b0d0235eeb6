namespace Bot.Dialogs.Notifications;

/// <summary>A message owed to a user outside their own turn (a returned report, a verdict), until delivered.</summary>
public sealed class Notice
{
    public int Id { get; set; }
    public string UserId { get; set; } = string.Empty;

    /// <summary>Markdown text, already in the recipient's language.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Quick replies offered with it (e.g. "lapor RA-2027-014 B6").</summary>
    public List<string> Suggestions { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public int Attempts { get; set; }
}
