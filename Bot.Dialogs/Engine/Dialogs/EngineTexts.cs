namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>What the dialog container says about interruptions.</summary>
internal static class EngineTexts
{
    public static readonly LocalizedText Cancelled = new(
        "Baik, dibatalkan. Data yang belum dikonfirmasi tidak disimpan.",
        "OK, cancelled. Nothing unconfirmed was saved.");

    public static readonly LocalizedText LeftForMenu = new(
        "Pengisian tadi saya hentikan (data yang belum dikonfirmasi tidak disimpan). Ini menu utama:",
        "I stopped the form (nothing unconfirmed was saved). Here is the main menu:");

    public static readonly LocalizedText AtFirstQuestion = new(
        "Ini pertanyaan pertama, tidak ada langkah sebelumnya. Ketik *batal* untuk berhenti.",
        "This is the first question; there is no earlier step. Type *cancel* to stop.");

    public static readonly LocalizedText HelpFooter = new(
        "Anda juga bisa mengetik *kembali* (pertanyaan sebelumnya), *batal* (berhenti) atau *menu*.",
        "You can also type *back* (previous question), *cancel* (stop) or *menu*.");

    public static readonly LocalizedText NotYourForm = new(
        "Pertanyaan yang sedang terbuka di percakapan ini milik pengguna lain, jadi pesan Anda tidak saya pakai sebagai jawabannya.",
        "The question open in this conversation belongs to someone else, so I did not take your message as its answer.");

    public static readonly LocalizedText CoordinatorStep = new(
        "Langkah ini khusus untuk koordinator, dan peran Anda saat ini bukan koordinator. Pengisian tadi saya hentikan; yang belum dikonfirmasi tidak disimpan.",
        "This step is for coordinators only, and your role is no longer coordinator. I stopped the form; nothing unconfirmed was saved.");

    public static readonly LocalizedText FokalStep = new(
        "Langkah ini khusus untuk fokal OPD, dan peran Anda saat ini bukan fokal. Pengisian tadi saya hentikan; yang belum dikonfirmasi tidak disimpan.",
        "This step is for agency focal points only, and your role is no longer focal point. I stopped the form; nothing unconfirmed was saved.");

    public static readonly LocalizedText FlowChanged = new(
        "Maaf, formulir yang sedang Anda isi telah diperbarui sehingga tidak bisa dilanjutkan. Tidak ada yang tersimpan dari pengisian itu; silakan mulai lagi.",
        "Sorry, the form you were filling in has been updated and cannot be continued. Nothing from it was saved; please start again.");
}
