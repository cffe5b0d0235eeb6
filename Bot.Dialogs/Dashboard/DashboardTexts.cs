using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Dashboard;

/// <summary>What the bot says about the dashboard.</summary>
internal static class DashboardTexts
{
    public static readonly LocalizedText Link = new(
        "Ini tautan masuk dasbor koordinator. Tautan hanya berlaku **sekali** dan sampai pukul **{1}** ({2}); jangan diteruskan ke orang lain.\n\n{0}",
        "Here is your sign-in link to the coordinator dashboard. It works **once** and until **{1}** ({2}); do not forward it.\n\n{0}");

    public static readonly LocalizedText Button = new("Buka dasbor", "Open the dashboard");

    public static readonly LocalizedText NotCoordinator = new(
        "Maaf, dasbor hanya untuk koordinator (BNNK/BNNP, Kesbangpol). Jika Anda koordinator, minta admin mengatur peran Anda.",
        "Sorry, the dashboard is for coordinators only (BNNK/BNNP, Kesbangpol). If you are one, ask an administrator to set your role.");
}
