using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Reminders;

/// <summary>Replies to the fokal's reminder buttons.</summary>
internal static class ReminderActionTexts
{
    public static readonly LocalizedText NeedCode = new(
        "Pengingat yang mana? Tekan tombol di bawah pesan pengingatnya, atau sebutkan kodenya, misalnya *tunda 3 hari RA-2027-001 B6* atau *sudah selesai RA-2027-001 B6*.",
        "Which reminder? Tap the button under the reminder, or give the code, e.g. *tunda 3 hari RA-2027-001 B6* or *sudah selesai RA-2027-001 B6*.");

    public static readonly LocalizedText Snoozed = new(
        "🔕 Baik, pengingat {0} {1} saya tunda. Saya ingatkan lagi **{2} pukul {3} {4}**.",
        "🔕 OK, I put the {0} {1} reminders off. I will remind you again on **{2} at {3} {4}**.");

    public static readonly LocalizedText Done = new(
        "👍 Tercatat: kegiatan {0} sudah selesai. Pengingat {1} saya hentikan. Jangan lupa **kirim laporannya** agar tercatat di Sismonev: ketuk tombol di bawah.",
        "👍 Noted: {0} is done. I stopped the {1} reminders. Please **submit the report** so it counts in Sismonev: tap the button below.");

    public static readonly LocalizedText UnknownCommitment = new(
        "Komitmen {0} tidak ditemukan. Periksa kodenya (contoh: RA-2027-014).",
        "I cannot find commitment {0}. Please check the code (for example RA-2027-014).");

    public static readonly LocalizedText NotYourCommitment = new(
        "Maaf, hanya fokal OPD pemilik {0} yang dapat mengatur pengingatnya.",
        "Sorry, only a focal point of the agency that owns {0} can manage its reminders.");

    public static readonly LocalizedText WhichPeriod = new(
        "Periode mana untuk {0}? Sebutkan salah satu: {1}.",
        "Which period of {0}? Name one of: {1}.");

    public static readonly LocalizedText DaysOutOfRange = new(
        "Penundaan bisa 1 sampai 30 hari.",
        "You can snooze for 1 to 30 days.");
}
