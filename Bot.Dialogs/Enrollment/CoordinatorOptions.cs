namespace Bot.Dialogs.Enrollment;

/// <summary>Configuration section <c>Bot</c>: who is a coordinator from the start.</summary>
public sealed class CoordinatorOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// Channel account keys ("directline|&lt;user id&gt;", "msteams|&lt;id&gt;", "whatsapp|62812…") that are coordinators.
    /// A listed account is made Koordinator on its next message.
    /// </summary>
    public List<string> Coordinators { get; set; } = [];
}
