using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Commitments;

/// <summary>Questions and answers of the commitment flows.</summary>
internal static class CommitmentTexts
{
    public static readonly LocalizedText Start = new(
        "Mari mencatat rencana aksi baru untuk **{0}**. Ketik *kembali* untuk mengubah jawaban sebelumnya atau *batal* untuk berhenti.",
        "Let's record a new action plan for **{0}**. Type *back* to change the previous answer or *cancel* to stop.");

    public static readonly LocalizedText AskFocusArea = new("Apa **fokus** rencana aksi ini?", "What is the **focus area**?");
    public static readonly LocalizedText AskProgramme = new("**Program** apa yang didukung?", "Which **programme** does it support?");

    public static readonly LocalizedText AskTitle = new(
        "Apa **judul kegiatan**-nya? Misalnya *Sosialisasi bahaya narkoba di SMA*.",
        "What is the **activity title**? For example *Drug awareness sessions in high schools*.");

    public static readonly LocalizedText AskIndicator = new(
        "Apa **indikator keluaran**-nya? Misalnya *jumlah siswa yang mengikuti sosialisasi*.",
        "What is the **output indicator**? For example *number of students reached*.");

    public static readonly LocalizedText AskTarget = new(
        "Berapa **target**-nya? Tulis angka dan satuannya, misalnya *500 orang* atau *12 kegiatan*.",
        "What is the **target**? Write a number and its unit, e.g. *500 people* or *12 sessions*.");

    public static readonly LocalizedText AskUnit = new(
        "Apa **satuan** target itu? Misalnya *orang*, *kegiatan*, *desa*.",
        "What is the target's **unit**? For example *people*, *sessions*, *villages*.");

    public static readonly LocalizedText AskLocation = new(
        "Di mana **lokasi**-nya (kecamatan/desa)?",
        "Where is the **location** (kecamatan/desa)?");

    public static readonly LocalizedText AskBudget = new(
        "Berapa **anggaran**-nya dalam rupiah? Ketik *lewati* bila tidak ada.",
        "What is the **budget** in rupiah? Type *skip* if there is none.");

    public static readonly LocalizedText AskDeadline = new(
        "Kapan **tenggat**-nya (tahun {0})? Misalnya *{1}*, *akhir {2}*, *{3}* atau *B12*.",
        "What is the **deadline** (in {0})? For example *{1}*, *end of {2}*, *{3}* or *B12*.");

    public static readonly LocalizedText DeadlineExample = new("*{0}*, *{1}* atau *akhir {2}*", "*{0}*, *{1}* or *end of {2}*");

    public static readonly LocalizedText AskYear = new(
        "Untuk **tahun rencana** berapa rencana aksi ini?",
        "For which **plan year** is this action plan?");

    public static readonly LocalizedText ThisYear = new("{0} (tahun ini)", "{0} (this year)");
    public static readonly LocalizedText NextYear = new("{0} (tahun depan)", "{0} (next year)");
    public static readonly LocalizedText ThisYearWord = new("tahun ini", "this year");
    public static readonly LocalizedText NextYearWord = new("tahun depan", "next year");
    public static readonly LocalizedText YearLabel = new("Tahun rencana", "Plan year");
    public static readonly LocalizedText SaveButton = new("Ya, simpan", "Yes, save");
    public static readonly LocalizedText DraftTitle = new("rencana aksi baru", "new action plan");

    public static readonly LocalizedText PeriodPast = new(
        "⚠️ Periode {0} {1} sudah lewat (berakhir {2}): laporannya akan langsung tercatat terlambat. Bila keliru, pilih *Tidak, ubah* lalu *Periode lapor* atau *Tahun rencana*.",
        "⚠️ The {0} {1} period is already over (it ended {2}): its report will count as late at once. If that is a mistake, choose *No, change*, then *Reporting* or *Plan year*.");

    public static readonly LocalizedText AskPeriods = new(
        "Pada **periode pelaporan** mana realisasinya dilaporkan?",
        "In which **reporting periods** will progress be reported?");

    public static readonly LocalizedText BothPeriods = new("B6 dan B12", "B6 and B12");

    public static readonly LocalizedText Summary = new(
        "Ringkasan rencana aksi (tahun {1}):\n\n{0}\n\n{2}Simpan rencana aksi ini? Jawab *tidak* untuk mengubah salah satu bagian.",
        "Action plan summary (plan year {1}):\n\n{0}\n\n{2}Save this action plan? Answer *no* to change one part.");

    public static readonly LocalizedText Saved = new(
        "Tersimpan sebagai **{0}**. Ketik *lihat {0}* untuk melihatnya atau *lapor {0} B6* saat waktunya melapor.",
        "Saved as **{0}**. Type *show {0}* to see it, or *report {0} B6* when it is time to report.");

    public static readonly LocalizedText NotSaved = new("Baik, tidak disimpan.", "OK, not saved.");

    public static readonly LocalizedText TargetPositive = new("Target harus lebih dari 0.", "The target must be more than 0.");
    public static readonly LocalizedText BudgetInvalid = new("Anggaran tidak boleh negatif.", "The budget cannot be negative.");
    public static readonly LocalizedText NumberTooLarge = new("Angka itu terlalu besar.", "That number is too large.");

    public static readonly LocalizedText DeadlinePast = new(
        "Tenggat tidak boleh sebelum hari ini ({0}).",
        "The deadline cannot be before today ({0}).");

    public static readonly LocalizedText DeadlineYearOver = new(
        "Tahun rencana {0} sudah berakhir (31 Desember {0}), jadi tenggatnya tidak bisa diubah lagi. Ketik *batal* untuk keluar.",
        "Plan year {0} is over (31 December {0}), so its deadline can no longer change. Type *cancel* to leave.");

    public static readonly LocalizedText DeadlineOutsideYear = new(
        "Tenggat harus di tahun rencana {0} (paling lambat 31 Desember {0}), misalnya *30 Juni {0}*.",
        "The deadline must fall in the plan year {0} (31 December {0} at the latest), for example *30 June {0}*.");

    public static readonly LocalizedText ListHeader = new("Rencana aksi **{0}**:", "Action plans of **{0}**:");

    public static readonly LocalizedText ListLine = new(
        "- **{0}** {1}: target {2} {3}, tenggat {4} ({5})",
        "- **{0}** {1}: target {2} {3}, due {4} ({5})");

    public static readonly LocalizedText ListEmpty = new(
        "Belum ada rencana aksi untuk {0}. Ketik *rencana aksi baru* untuk mencatat yang pertama.",
        "{0} has no action plans yet. Type *new action plan* to record the first one.");

    public static readonly LocalizedText NeedCode = new(
        "Sebutkan kodenya, misalnya *{0} RA-2027-001*. Ketik *rencana aksi saya* untuk melihat kode-kodenya.",
        "Give the code, e.g. *{0} RA-2027-001*. Type *my action plans* to see the codes.");

    public static readonly LocalizedText NotFound = new(
        "Rencana aksi {0} tidak ditemukan di OPD Anda.",
        "Action plan {0} was not found in your agency.");

    public static readonly LocalizedText Detail = new(
        "**{0}** ({1}, versi {2}, status {3})\n\n{4}",
        "**{0}** ({1}, version {2}, status {3})\n\n{4}");

    public static readonly LocalizedText DetailReports = new("Laporan: {0}", "Reports: {0}");

    public static readonly LocalizedText IsCancelled = new(
        "Rencana aksi {0} sudah dibatalkan dan tidak bisa diubah.",
        "Action plan {0} is cancelled and cannot be changed.");

    public static readonly LocalizedText AskEditField = new(
        "Bagian mana dari **{0}** yang ingin diubah?",
        "Which part of **{0}** do you want to change?");

    public static readonly LocalizedText CurrentValue = new("(sekarang: {0})", "(now: {0})");

    public static readonly LocalizedText ConfirmEdit = new(
        "Ubah **{0}** pada {1}:\n\n- dari: {2}\n- menjadi: {3}\n\nSimpan perubahan?",
        "Change **{0}** of {1}:\n\n- from: {2}\n- to: {3}\n\nSave the change?");

    public static readonly LocalizedText Edited = new(
        "Perubahan tersimpan. {0} sekarang versi {1}.",
        "Change saved. {0} is now version {1}.");

    public static readonly LocalizedText Unchanged = new("Nilainya sama seperti sebelumnya; tidak ada yang diubah.", "That is the same value; nothing changed.");

    public static readonly LocalizedText AskCancelReason = new(
        "Mengapa **{0}** ({1}) dibatalkan? Tulis alasannya singkat.",
        "Why is **{0}** ({1}) being cancelled? Write a short reason.");

    public static readonly LocalizedText ConfirmCancel = new(
        "Batalkan **{0}** dengan alasan: *{1}*?",
        "Cancel **{0}** with the reason: *{1}*?");

    public static readonly LocalizedText CancelledDone = new(
        "{0} sudah dibatalkan. Riwayatnya tetap tersimpan.",
        "{0} is cancelled. Its history is kept.");

    public static readonly LocalizedText Changed = new(
        "Maaf, {0} baru saja diubah di tempat lain. Silakan lihat lagi dan ulangi perubahannya.",
        "Sorry, {0} was just changed elsewhere. Please look at it again and repeat your change.");
}
