using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Reminders;

/// <summary>The words of reminder messages, Indonesian first.</summary>
internal static class ReminderTexts
{
    public static readonly LocalizedText UpcomingHeader = new("⏰ **Pengingat**", "⏰ **Reminder**");
    public static readonly LocalizedText DueHeader = new("⏰ **Batasnya hari ini**", "⏰ **Due today**");
    public static readonly LocalizedText OverdueHeader = new("⚠️ **Laporan terlambat**", "⚠️ **Report overdue**");
    public static readonly LocalizedText EscalationHeader = new("📋 **Perlu tindak lanjut**", "📋 **Follow-up needed**");
    public static readonly LocalizedText WindowHeader = new("📅 **Jendela pelaporan {0} {1} sudah dibuka**", "📅 **The {0} {1} reporting window is open**");
    public static readonly LocalizedText NudgeHeader = new("📣 **Pengingat dari koordinator**", "📣 **A reminder from your coordinator**");
    public static readonly LocalizedText SnoozeHeader = new("🔔 **Sesuai permintaan Anda**", "🔔 **As you asked**");
    public static readonly LocalizedText FoldHeader = new("📌 **Anda punya {0} pengingat:**", "📌 **You have {0} reminders:**");

    public static readonly LocalizedText CatchUpHeader = new(
        "⏳ **Terlambat terkirim**: pengingat berikut jatuh tempo saat layanan sedang tidak aktif. Yang masih perlu perhatian:",
        "⏳ **Sent late**: these reminders fell due while the service was down. Still open:");

    public static readonly LocalizedText ReportLine = new("**{0}** {1} — laporan {2} {3}, batas {4} ({5})", "**{0}** {1} — {2} {3} report, due {4} ({5})");
    public static readonly LocalizedText DeadlineLine = new("**{0}** {1} — batas waktu kegiatan {4} ({5}); laporkan di laporan {2} {3}", "**{0}** {1} — activity deadline {4} ({5}); report it in the {2} {3} report");
    public static readonly LocalizedText EscalationLine = new("**{0}** belum melaporkan {1} {2} untuk **{3}** {4} ({5})", "**{0}** has not reported {1} {2} for **{3}** {4} ({5})");

    public static readonly LocalizedText DaysLeft = new("{0} hari lagi", "in {0} days");
    public static readonly LocalizedText Tomorrow = new("besok", "tomorrow");
    public static readonly LocalizedText Today = new("hari ini", "today");
    public static readonly LocalizedText DaysLate = new("terlambat {0} hari", "{0} days late");

    public static readonly LocalizedText FokalFooter = new("Ketuk **Lapor sekarang** untuk mengisi laporan.", "Tap **Report now** to fill in the report.");
    public static readonly LocalizedText FoldFooter = new("Ketuk kode komitmen untuk melapor.", "Tap a commitment code to report.");

    // Buttons (titles at most 20 characters). The values are commands the bot understands in any locale.
    public static readonly LocalizedText ReportNow = new("Lapor sekarang", "Report now");
    public static readonly LocalizedText RemindTomorrow = new("Ingatkan besok", "Remind me tomorrow");
    public static readonly LocalizedText Snooze3Days = new("Tunda 3 hari", "Snooze 3 days");
    public static readonly LocalizedText AlreadyDone = new("Sudah selesai", "Already done");
    public static readonly LocalizedText NudgeFokal = new("Ingatkan fokal", "Nudge focal point");
    public static readonly LocalizedText NudgeAll = new("Ingatkan semua", "Nudge everyone");
    public static readonly LocalizedText NotReported = new("Belum lapor {0}", "Not reported {0}");
    public static readonly LocalizedText Summary = new("Ringkasan", "Summary");
}
