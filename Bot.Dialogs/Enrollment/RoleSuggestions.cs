using Bot.Dialogs.Engine;
using Bot.Dialogs.Menu;

namespace Bot.Dialogs.Enrollment;

/// <summary>
/// The quick replies offered outside a form, fitted to who is asking: a coordinator gets the chase and the
/// verification, a fokal their plans and reports, a resident the public menu; anyone with an unfinished form gets
/// "Lanjut" first.
/// </summary>
internal static class RoleSuggestions
{
    /// <summary>Set on the turn by <see cref="UserResolver"/>: the sender's drafts (form id, conversation) at the turn's start.</summary>
    public const string DraftsItem = "user.drafts";

    public static IReadOnlyList<string> For(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var english = turn.IsEnglish;
        IReadOnlyList<string> byRole = turn.User switch
        {
            { IsCoordinator: true } => english
                ? ["Not reported", "Verify", "Summary", "Dashboard", "Help"]
                : ["Belum lapor", "Verifikasi", "Ringkasan", "Dasbor", "Bantuan"],
            { IsFokal: true } => english
                ? ["My action plans", "Report progress", "New action plan", "Help"]
                : ["Rencana aksi saya", "Lapor progres", "Rencana aksi baru", "Bantuan"],
            _ => MenuTexts.MainSuggestions(english),
        };
        return HasDraftToResume(turn) ? [english ? "Continue" : "Lanjut", .. byRole] : byRole;
    }

    /// <summary>
    /// A draft other than the form open (and just finishing) in this conversation: that one's draft goes with the
    /// turn's commit, so offering to resume it would point at nothing.
    /// </summary>
    private static bool HasDraftToResume(TurnContext turn) =>
        turn.Items.TryGetValue(DraftsItem, out var value) && value is List<(string FormId, string ConversationKey)> drafts
        && drafts.Any(d => !(turn.State.Stack.Count > 0 && d.FormId == turn.State.Stack[0].DialogId && d.ConversationKey == turn.State.Id));
}
