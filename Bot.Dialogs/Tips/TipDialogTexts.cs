using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Tips;

/// <summary>
/// The tip dialog's questions and answers. None of the question texts carries a tip's content or tracking code:
/// prompts keep their question in the saved dialog frame, next to the conversation id.
/// </summary>
internal static class TipDialogTexts
{
    public static readonly LocalizedText Intro = new(
        "**Lapor narkoba (anonim)**\n\nAnda bisa melaporkan peredaran, pemakaian atau produksi narkoba di sekitar Anda tanpa menyebut identitas.",
        "**Report drugs (anonymous)**\n\nYou can report drug dealing, use or production around you without identifying yourself.");

    public static readonly LocalizedText AskCategory = new("Apa yang ingin Anda laporkan?", "What would you like to report?");

    public static readonly LocalizedText AskDescription = new(
        "Ceritakan apa yang Anda lihat atau ketahui: apa yang terjadi, ciri tempat, kendaraan atau barang (maksimal {0} karakter). " +
        "Jangan tulis nama atau nomor HP Anda sendiri.",
        "Describe what you saw or know: what happens, what the place, vehicles or goods look like (at most {0} characters). " +
        "Do not write your own name or phone number.");

    public static readonly LocalizedText DescriptionTooShort = new(
        "Mohon ceritakan sedikit lebih lengkap (paling sedikit {0} huruf).",
        "Please describe it a little more (at least {0} letters).");

    public static readonly LocalizedText AskKecamatan = new("Di kecamatan mana?", "In which kecamatan (district)?");

    public static readonly LocalizedText AskDesa = new(
        "Di desa/kelurahan mana, atau patokan lokasinya (misalnya *dekat pasar*)? Ketik *lewati* bila tidak tahu.",
        "In which desa/kelurahan (village), or a landmark (e.g. *near the market*)? Type *skip* if you do not know.");

    public static readonly LocalizedText AskWhen = new(
        "Kapan terjadinya? Boleh tanggal (*12/8*, *kemarin*) atau kata-kata biasa (*tadi malam*, *setiap malam Minggu*). Ketik *lewati* bila tidak tahu.",
        "When does or did it happen? A date (*12/8*, *yesterday*) or plain words (*last night*, *every Saturday night*). Type *skip* if you do not know.");

    public static readonly LocalizedText AskPhoto = new(
        "Punya foto? Kirim satu foto (JPEG, PNG, WebP atau GIF, paling besar {0} MB). Data lokasi (GPS) dan data kamera di foto akan dihapus sebelum disimpan. " +
        "Ketik *lewati* bila tidak ada. Utamakan keselamatan Anda: jangan mengambil foto bila berisiko.",
        "Do you have a photo? Send one photo (JPEG, PNG, WebP or GIF, at most {0} MB). Location (GPS) and camera data are removed before it is stored. " +
        "Type *skip* if not. Your safety comes first: do not take photos if it is risky.");

    public static readonly LocalizedText PhotoExpected = new(
        "Saya menunggu foto. Kirim satu foto, atau ketik *lewati*.",
        "I am waiting for a photo. Send one photo, or type *skip*.");

    public static readonly LocalizedText PhotoUnreadable = new(
        "Foto itu tidak bisa saya baca. Coba kirim lagi, atau ketik *lewati*.",
        "I could not read that photo. Please send it again, or type *skip*.");

    public static readonly LocalizedText PhotoReceived = new(
        "Foto diterima; data lokasi dan kamera sudah dihapus.",
        "Photo received; location and camera data were removed.");

    public static readonly LocalizedText OnlyFirstPhoto = new(
        "Hanya foto pertama yang dipakai.",
        "Only the first photo is used.");

    /// <summary>{0} category, {1} description, {2} place, {3} when, {4} photo.</summary>
    public static readonly LocalizedText Summary = new(
        "**Ringkasan laporan**\n\n- Jenis: {0}\n- Keterangan: {1}\n- Lokasi: {2}\n- Waktu: {3}\n- Foto: {4}",
        "**Report summary**\n\n- Kind: {0}\n- Details: {1}\n- Place: {2}\n- When: {3}\n- Photo: {4}");

    public static readonly LocalizedText AskSend = new("Kirim laporan ini?", "Send this report?");

    public static readonly LocalizedText NotSent = new(
        "Baik, laporan tidak dikirim dan isinya sudah dihapus.",
        "OK, the report was not sent and what you typed has been discarded.");

    public static readonly LocalizedText DraftLost = new(
        "Maaf, isi laporan yang sedang Anda tulis sudah tidak ada (demi keamanan hanya disimpan sementara di memori, dan kedaluwarsa atau terhapus saat layanan dimulai ulang). " +
        "Tidak ada yang terkirim; silakan ketik *lapor* untuk mulai lagi.",
        "Sorry, the report you were writing is gone (for your safety it is kept only briefly in memory, and it expired or was lost in a restart). " +
        "Nothing was sent; type *report drugs* to start again.");

    public static readonly LocalizedText Busy = new(
        "Maaf, layanan laporan sedang sibuk. Silakan coba lagi sebentar lagi, atau hubungi Call Center BNN 184.",
        "Sorry, the report line is busy. Please try again shortly, or call the BNN call center 184.");

    public static readonly LocalizedText Invalid = new(
        "Maaf, laporan belum lengkap ({0}), jadi tidak terkirim. Silakan ketik *lapor* untuk mulai lagi.",
        "Sorry, the report is incomplete ({0}), so it was not sent. Type *report drugs* to start again.");

    public static readonly LocalizedText Unknown = new("tidak disebutkan", "not given");

    public static readonly LocalizedText NoPhoto = new("tidak ada", "none");

    public static readonly LocalizedText WithPhoto = new("ada (metadata dihapus)", "yes (metadata removed)");

    public static readonly LocalizedText ReceiptFooter = new(
        "Catat kode ini di tempat aman: kami tidak mengaitkannya dengan Anda, jadi tidak bisa mengirimkannya lagi. Untuk menambah informasi ketik *tambah info {0}*.",
        "Keep this code somewhere safe: we do not link it to you, so we cannot send it again. To add information type *add info {0}*.");

    public static readonly LocalizedText AskCode = new(
        "Ketik kode lacaknya, misalnya *cek TIP-7K3Q-9XWD*.",
        "Type the tracking code, for example *check TIP-7K3Q-9XWD*.");

    // Added information.
    public static readonly LocalizedText FollowUpIntro = new(
        "Menambah informasi pada laporan Anda, tetap anonim. Jangan tulis nama atau nomor HP Anda sendiri.",
        "Adding information to your report, still anonymously. Do not write your own name or phone number.");

    public static readonly LocalizedText AskFollowUp = new(
        "Informasi apa yang ingin Anda tambahkan (maksimal {0} karakter)?",
        "What information would you like to add (at most {0} characters)?");

    public static readonly LocalizedText AskSendFollowUp = new("Kirim tambahan informasi ini?", "Send this additional information?");

    public static readonly LocalizedText FollowUpSaved = new(
        "Terima kasih, informasi tambahan sudah tersimpan pada laporan Anda.",
        "Thank you, the additional information was added to your report.");

    public static readonly LocalizedText StatusNew = new("baru", "new");
    public static readonly LocalizedText StatusInProgress = new("diproses", "in progress");
    public static readonly LocalizedText StatusDone = new("selesai", "completed");
    public static readonly LocalizedText StatusRejected = new("ditolak", "rejected");

    public static readonly LocalizedText Peredaran = new("Peredaran/transaksi", "Dealing/selling");
    public static readonly LocalizedText Pemakaian = new("Pemakaian", "Drug use");
    public static readonly LocalizedText Produksi = new("Produksi/gudang", "Production/storage");
    public static readonly LocalizedText Lainnya = new("Lainnya", "Other");

    public static LocalizedText Category(TipCategory category) => category switch
    {
        TipCategory.Peredaran => Peredaran,
        TipCategory.Pemakaian => Pemakaian,
        TipCategory.Produksi => Produksi,
        _ => Lainnya,
    };

    public static LocalizedText Status(TipStatus status) => status switch
    {
        TipStatus.Baru => StatusNew,
        TipStatus.Diproses => StatusInProgress,
        TipStatus.Selesai => StatusDone,
        _ => StatusRejected,
    };
}
