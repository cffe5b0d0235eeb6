using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// A dialog whose answers are kept as the person's draft (<see cref="Storage.IFormDraftStore"/>): "menu" and "nanti"
/// park it instead of discarding it, and "lanjut" resumes it on any conversation. Only forms opt in; short
/// flows and the confidential tip line do not.
/// </summary>
internal interface IDraftForm
{
    /// <summary>What the draft is called when the user is offered to resume it.</summary>
    string DraftTitle(DialogContext dc, DialogFrame frame);
}
