using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Tips;

/// <summary>What residents and coordinators are told about tips (for the tip dialog and the notifications).</summary>
public static class TipTexts
{
    /// <summary>Shown before saving: the reporter should not identify themselves.</summary>
    public static readonly LocalizedText PrivacyWarning = new(
        "Sebelum dikirim: **jangan tulis nama, nomor HP, alamat, atau ciri diri Anda** di laporan ini. " +
        "Kami tidak menyimpan siapa pengirimnya, dan foto dibersihkan dari data lokasi (GPS) dan data kamera.",
        "Before sending: **do not include your own name, phone number, address or anything that identifies you**. " +
        "We do not keep who sent the report, and photos are stripped of location (GPS) and camera data.");

    /// <summary>The legal protection of reporters and the national call center.</summary>
    public static readonly LocalizedText Protection = new(
        "Pelapor dilindungi hukum: negara wajib melindungi pelapor dan keluarganya (UU 35/2009 Pasal 100), " +
        "termasuk merahasiakan identitas pelapor (PP 40/2013 Pasal 37); perlindungan ini tanpa biaya. " +
        "Untuk keadaan mendesak hubungi **Call Center BNN 184** (24 jam).",
        "Reporters are protected by law: the state must protect reporters and their families (Law 35/2009 Article 100), " +
        "including keeping the reporter's identity confidential (Government Regulation 40/2013 Article 37), free of charge. " +
        "In an emergency call the **BNN call center 184** (24 hours).");

    /// <summary>{0}: the tracking code.</summary>
    public static readonly LocalizedText Received = new(
        "Terima kasih, laporan Anda sudah tersimpan. Kode lacak Anda: **{0}**. Simpan kode ini: hanya dengan kode ini Anda bisa " +
        "mengecek status atau menambah informasi (ketik *cek {0}*). Kami tidak bisa menghubungi Anda.",
        "Thank you, your report is saved. Your tracking code: **{0}**. Keep it: only with this code can you check the status " +
        "or add information (type *check {0}*). We cannot contact you.");

    /// <summary>{0}: the tracking code, {1}: the status label, {2}: the date of the last change.</summary>
    public static readonly LocalizedText Status = new(
        "Status laporan **{0}**: **{1}** (terakhir diperbarui {2}).",
        "Status of report **{0}**: **{1}** (last updated {2}).");

    public static readonly LocalizedText NotFound = new(
        "Kode lacak itu tidak ditemukan. Periksa lagi penulisannya (contoh: TIP-7K3Q-9XWD).",
        "That tracking code was not found. Please check it (example: TIP-7K3Q-9XWD).");

    public static readonly LocalizedText TooMany = new(
        "Terlalu banyak percobaan dalam waktu singkat. Silakan coba lagi nanti, atau hubungi Call Center BNN 184.",
        "Too many attempts in a short time. Please try again later, or call the BNN call center 184.");

    public static readonly LocalizedText PhotoRefused = new(
        "Foto itu tidak bisa diterima (hanya foto JPEG, PNG, WebP atau GIF yang utuh, paling besar {0} MB). Laporan bisa dikirim tanpa foto.",
        "That photo cannot be accepted (only a complete JPEG, PNG, WebP or GIF photo, at most {0} MB). You can send the report without a photo.");

    /// <summary>To coordinators, from time to time. {0}: how many tips are new or have new information. Deliberately nothing else.</summary>
    public static readonly LocalizedText CoordinatorAlert = new(
        "Ada {0} laporan warga yang baru masuk atau mendapat informasi tambahan. Tindak lanjuti di dasbor: ketik *dasbor*.",
        "{0} resident reports are new or have new information. Follow them up on the dashboard: type *dashboard*.");

    public static string Label(TipStatus status) => status switch
    {
        TipStatus.Baru => "baru",
        TipStatus.Diproses => "diproses",
        TipStatus.Selesai => "selesai",
        _ => "ditolak",
    };

    public static string Label(TipCategory category) => category switch
    {
        TipCategory.Peredaran => "peredaran/jual-beli",
        TipCategory.Pemakaian => "pemakaian",
        TipCategory.Produksi => "produksi/ladang",
        TipCategory.Penyelundupan => "penyelundupan",
        _ => "lainnya",
    };
}
