namespace Bot.Dialogs.Storage;

/// <summary>An unfinished form: its frames (the form's and its pending question's), where it was last open, and a label.</summary>
public sealed class FormDraft
{
    public string Id { get; set; } = string.Empty;
    public string UserId { get; set; } = string.Empty;

    /// <summary>The form's dialog id (the bottom frame's).</summary>
    public string FormId { get; set; } = string.Empty;

    /// <summary>The conversation whose stack holds the live copy ("channel|conversation id").</summary>
    public string ConversationKey { get; set; } = string.Empty;

    /// <summary>What the user sees when asked to resume ("rencana aksi baru, 5 jawaban").</summary>
    public string Title { get; set; } = string.Empty;

    public List<DialogFrame> Stack { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
}
