using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Coordinator;

/// <summary>Texts of report verification.</summary>
internal static class VerificationTexts
{
    public static readonly LocalizedText NothingPending = new(
        "Tidak ada laporan yang menunggu verifikasi.",
        "No reports are awaiting verification.");

    public static readonly LocalizedText Pick = new(
        "Laporan yang menunggu verifikasi:\n\n{0}\n\nPilih laporan yang akan diperiksa.",
        "Reports awaiting verification:\n\n{0}\n\nChoose a report to review.");

    public static readonly LocalizedText PickLine = new("- **{0} {1}** {2}: {3} ({4})", "- **{0} {1}** {2}: {3} ({4})");

    public static readonly LocalizedText Detail = new(
        "**{0} {1}**, {2}\n*{3}*\n\n- Dilaporkan oleh: {10}\n- Target: {4} {5}\n- Realisasi: {6} {5} ({7})\n- Narasi: {8}\n- Bukti: {9}\n\nApa keputusan Anda?",
        "**{0} {1}**, {2}\n*{3}*\n\n- Reported by: {10}\n- Target: {4} {5}\n- Realisation: {6} {5} ({7})\n- Narrative: {8}\n- Evidence: {9}\n\nWhat is your decision?");

    public static readonly LocalizedText UnknownPerson = new("(tidak diketahui)", "(unknown)");

    public static readonly LocalizedText EvidenceHeader = new("📎 Bukti laporan ({0} file):", "📎 Report evidence ({0} files):");

    public static readonly LocalizedText MoreWaiting = new(
        "Masih ada **{0}** laporan yang menunggu verifikasi. Ketuk *Verifikasi* untuk memeriksa berikutnya.",
        "**{0}** more reports await verification. Tap *Verify* to review the next one.");

    public static readonly LocalizedText VerifyNext = new("Verifikasi", "Verify");

    public static readonly LocalizedText Approve = new("Setujui", "Approve");
    public static readonly LocalizedText Return = new("Kembalikan", "Return");
    public static readonly LocalizedText Later = new("Nanti saja", "Later");

    public static readonly LocalizedText AlreadyHandled = new(
        "Laporan itu sudah diproses orang lain.",
        "That report was already handled by someone else.");

    public static readonly LocalizedText AskComment = new(
        "Tulis catatan untuk fokal: apa yang perlu diperbaiki? (maks. {0} karakter)",
        "Write a note for the focal point: what needs fixing? (at most {0} characters)");

    public static readonly LocalizedText Approved = new(
        "Laporan {1} untuk {0} disetujui dan dikunci.",
        "The {1} report of {0} is approved and locked.");

    public static readonly LocalizedText Returned = new(
        "Laporan {1} untuk {0} dikembalikan ke fokal dengan catatan Anda.",
        "The {1} report of {0} was returned to the focal point with your note.");

    // Pushed once the verdict is saved; if the push fails, the notice waits for the fokal's next message: true either way.
    public static readonly LocalizedText FokalNotified = new("Fokal akan diberi tahu.", "The focal point will be notified.");

    public static readonly LocalizedText FokalPending = new(
        "Fokal akan menerima pemberitahuan saat membuka chat berikutnya.",
        "The focal point will get the notice when they next open the chat.");

    public static readonly LocalizedText NoticeReturned = new(
        "Laporan {1} untuk **{0}** ({2}) dikembalikan koordinator dengan catatan:\n\n*{3}*\n\nPerbaiki dan kirim ulang dengan *lapor {0} {1}*.",
        "The {1} report of **{0}** ({2}) was returned by the coordinator with the note:\n\n*{3}*\n\nFix it and resubmit with *report {0} {1}*.");

    public static readonly LocalizedText NoticeApproved = new(
        "Laporan {1} untuk **{0}** ({2}) telah disetujui koordinator. Terima kasih!",
        "The {1} report of **{0}** ({2}) was approved by the coordinator. Thank you!");

    public static readonly LocalizedText Finished = new("Verifikasi selesai untuk saat ini.", "Verification finished for now.");
}
