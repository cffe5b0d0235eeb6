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

    public static readonly LocalizedText FlowChanged = new(
        "Maaf, formulir yang sedang Anda isi telah diperbarui sehingga tidak bisa dilanjutkan. Tidak ada yang tersimpan dari pengisian itu; silakan mulai lagi.",
        "Sorry, the form you were filling in has been updated and cannot be continued. Nothing from it was saved; please start again.");
}
