using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Progress;

/// <summary>Questions and answers of progress reporting and verification.</summary>
internal static class ProgressTexts
{
    public static readonly LocalizedText NoCommitments = new(
        "Belum ada rencana aksi aktif untuk dilaporkan. Ketik *rencana aksi baru* untuk mencatatnya.",
        "There is no active action plan to report on. Type *new action plan* to record one.");

    public static readonly LocalizedText AskCommitment = new("Rencana aksi mana yang dilaporkan?", "Which action plan are you reporting on?");
    public static readonly LocalizedText AskPeriod = new("Untuk periode mana ({0})?", "For which period ({0})?");

    public static readonly LocalizedText PeriodNotPlanned = new(
        "{0} tidak dijadwalkan melapor pada {1}; periodenya: {2}.",
        "{0} is not scheduled to report in {1}; its periods are: {2}.");

    public static readonly LocalizedText Locked = new(
        "Laporan {1} untuk {0} sudah disetujui dan dikunci; tidak bisa diubah lagi.",
        "The {1} report of {0} is approved and locked; it cannot be changed.");

    public static readonly LocalizedText AllLocked = new(
        "Semua laporan {0} sudah disetujui.",
        "All reports of {0} are approved.");

    public static readonly LocalizedText Replacing = new(
        "Catatan: laporan {1} untuk {0} sudah dikirim dan menunggu verifikasi; laporan baru ini akan menggantikannya.",
        "Note: the {1} report of {0} was sent and awaits verification; this one will replace it.");

    public static readonly LocalizedText WasReturned = new(
        "Laporan {1} untuk {0} dikembalikan koordinator dengan catatan: *{2}*",
        "The {1} report of {0} was returned by the coordinator with the note: *{2}*");

    public static readonly LocalizedText AskValue = new(
        "Berapa **realisasi** {0} sampai {1}? Targetnya {2} {3}.",
        "What is the **realisation** of {0} for {1}? The target is {2} {3}.");

    public static readonly LocalizedText ValueNegative = new("Realisasi tidak boleh negatif.", "The realisation cannot be negative.");
    public static readonly LocalizedText ValueTooLarge = new("Angka itu terlalu besar.", "That number is too large.");

    public static readonly LocalizedText Percent = new(
        "Realisasi {0} {1} = **{2}** dari target.",
        "Realisation {0} {1} = **{2}** of the target.");

    public static readonly LocalizedText AskNarrative = new(
        "Ceritakan singkat **capaian dan kendalanya** (maks. {0} karakter).",
        "Describe briefly **what was achieved and any obstacles** (at most {0} characters).");

    public static readonly LocalizedText AskEvidence = new(
        "Kirim **bukti** berupa foto (JPG/PNG) atau PDF, maks. 10 MB per file. Ketik *selesai* bila sudah, atau *lewati* bila tidak ada.",
        "Send **evidence** as photos (JPG/PNG) or PDF, at most 10 MB each. Type *done* when finished, or *skip* if there is none.");

    public static readonly LocalizedText EvidenceReceived = new("Diterima: {0} ({1}).", "Received: {0} ({1}).");

    public static readonly LocalizedText EvidenceDuplicate = new(
        "File {0} ini sudah pernah dikirim sebelumnya; tidak disimpan dua kali, tetapi dilampirkan ke laporan ini.",
        "The file {0} was sent before; it is not stored twice, but it is attached to this report.");

    public static readonly LocalizedText EvidenceAlreadyAttached = new(
        "File {0} sudah ada di laporan ini.",
        "The file {0} is already attached to this report.");

    public static readonly LocalizedText EvidenceSameAsAttached = new(
        "File {0} isinya sama persis dengan {1} yang sudah terlampir di laporan ini, jadi tidak dilampirkan dua kali.",
        "The file {0} has exactly the same content as {1}, which is already attached to this report, so it is not attached twice.");

    public static readonly LocalizedText EvidenceTooLarge = new(
        "File {0} lebih besar dari 10 MB; mohon kirim versi yang lebih kecil.",
        "The file {0} is larger than 10 MB; please send a smaller version.");

    public static readonly LocalizedText EvidenceWrongType = new(
        "File {0} bukan foto (JPG/PNG/GIF/WebP) atau PDF, jadi tidak saya terima.",
        "The file {0} is not a photo (JPG/PNG/GIF/WebP) or PDF, so I cannot accept it.");

    public static readonly LocalizedText EvidenceUnreadable = new(
        "File {0} tidak bisa saya baca dari kanal ini. Coba kirim ulang.",
        "I could not read the file {0} from this channel. Please send it again.");

    public static readonly LocalizedText EvidenceLimit = new(
        "Sudah {0} file; itu batas per laporan. Ketik *selesai* untuk melanjutkan.",
        "That is {0} files, the limit per report. Type *done* to continue.");

    public static readonly LocalizedText EvidenceMore = new(
        "Kirim file lain, atau ketik *selesai*.",
        "Send another file, or type *done*.");

    public static readonly LocalizedText EvidenceExpected = new(
        "Saya menunggu file bukti (foto atau PDF). Ketik *selesai* bila sudah, atau *lewati*.",
        "I am waiting for evidence files (photos or PDF). Type *done* when finished, or *skip*.");

    public static readonly LocalizedText Done = new("Selesai", "Done");

    public static readonly LocalizedText Summary = new(
        "Ringkasan laporan **{0} {1}** ({2}):\n\n- Realisasi: {3} {4} ({5})\n- Narasi: {6}\n- Bukti: {7}\n\nKirim laporan ini untuk diverifikasi? Jawab *tidak* untuk mengubah salah satu bagian.",
        "Report summary **{0} {1}** ({2}):\n\n- Realisation: {3} {4} ({5})\n- Narrative: {6}\n- Evidence: {7}\n\nSubmit this report for verification? Answer *no* to change one part.");

    public static readonly LocalizedText NoEvidence = new("tidak ada", "none");

    public static readonly LocalizedText SubmitButton = new("Ya, kirim", "Yes, submit");
    public static readonly LocalizedText DraftTitle = new("laporan progres", "progress report");
    public static readonly LocalizedText CommitmentLabel = new("Rencana aksi", "Action plan");
    public static readonly LocalizedText PeriodLabel = new("Periode", "Period");
    public static readonly LocalizedText ValueLabel = new("Realisasi", "Realisation");
    public static readonly LocalizedText NarrativeLabel = new("Narasi", "Narrative");
    public static readonly LocalizedText EvidenceLabel = new("Bukti", "Evidence");

    public static readonly LocalizedText Prefilled = new(
        "Isian laporan sebelumnya saya muat ulang, termasuk buktinya. Periksa ringkasannya; jawab *tidak* untuk mengubah bagian yang perlu diperbaiki.",
        "I loaded the earlier report again, evidence included. Check the summary; answer *no* to change the part that needs fixing.");

    public static readonly LocalizedText EvidenceKept = new(
        "Bukti yang sudah terlampir:\n{0}\n\nKirim file tambahan, ketik *hapus 1* (nomornya) untuk melepas satu file, atau *selesai* bila sudah cukup.",
        "Evidence attached so far:\n{0}\n\nSend more files, type *remove 1* (its number) to take one off, or *done* when it is enough.");

    public static readonly LocalizedText EvidenceRemoved = new("Dilepas dari laporan: {0}.", "Removed from the report: {0}.");

    public static readonly LocalizedText EvidenceNoSuch = new(
        "Tidak ada bukti nomor {0}. Bukti yang terlampir:\n{1}",
        "There is no evidence number {0}. Attached:\n{1}");

    public static readonly LocalizedText EvidencePaused = new(
        "Saya masih menunggu file bukti (foto JPG/PNG atau PDF). Tidak ada yang hilang: {0} file sudah terlampir.\n\nAnda bisa mengirim file, ketik *selesai* untuk melanjutkan, *bantuan*, *nanti* (simpan sebagai draf, lanjutkan dengan *lanjut*), atau *batal*.",
        "I am still waiting for evidence files (JPG/PNG photos or PDF). Nothing is lost: {0} files are attached.\n\nYou can send a file, type *done* to go on, *help*, *later* (keep a draft, resume with *continue*), or *cancel*.");

    public static readonly LocalizedText Submitted = new(
        "Laporan {1} untuk **{0}** tersimpan dan terkirim; menunggu verifikasi koordinator.",
        "The {1} report of **{0}** is saved and submitted; it awaits the coordinator's verification.");

    public static readonly LocalizedText NotSubmitted = new("Baik, laporan tidak dikirim.", "OK, the report was not submitted.");
}
