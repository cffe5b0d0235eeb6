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
    /// <summary>Set on the turn by <see cref="UserResolver"/> when the sender has a draft form to resume.</summary>
    public const string HasDraftItem = "user.hasDraft";

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
        return turn.Items.ContainsKey(HasDraftItem) ? [english ? "Continue" : "Lanjut", .. byRole] : byRole;
    }
}
