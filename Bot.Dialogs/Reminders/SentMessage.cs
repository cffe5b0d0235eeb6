namespace Bot.Dialogs.Reminders;

/// <summary>One reminder message a channel accepted: the keys of the rows it carried and what their "sent" mark says.</summary>
internal sealed record SentMessage(IReadOnlyList<string> Keys, string MessageId, string ConversationKey, string Shape, DateTime SentAt)
{
    /// <summary>"delivered" for a message of one reminder, "delivered (folded)" and the like for the others.</summary>
    public string Outcome => Shape == "single" ? "delivered" : "delivered (" + Shape + ")";

    /// <summary>Changes a claimed row to sent by this message.</summary>
    public void ApplyTo(ReminderItem row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Status = ReminderStatus.Sent;
        row.SentAt = SentAt;
        row.WakeAt = ReminderItem.Never;
        row.MessageId = MessageId;
        row.ConversationKey = ConversationKey;
        row.Outcome = Outcome;
        row.ClaimId = null;
    }
}
