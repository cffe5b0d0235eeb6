namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>What every form says at its summary and about drafts.</summary>
internal static class FormTexts
{
    public static readonly LocalizedText Change = new("Tidak, ubah", "No, change");

    public static readonly LocalizedText AskField = new(
        "Bagian mana yang ingin diubah? Jawaban lainnya tetap tersimpan. (Ketik *batal* bila ingin membuang seluruh isian.)",
        "Which part do you want to change? The other answers stay. (Type *cancel* to discard the whole form.)");

    public static readonly LocalizedText Parked = new(
        "Isian **{0}** saya simpan sebagai draf. Ketik *lanjut* kapan saja (juga di perangkat atau kanal lain) untuk meneruskannya.",
        "I kept **{0}** as a draft. Type *continue* any time (also on another device or channel) to carry on.");

    public static readonly LocalizedText Resumed = new("Melanjutkan draf **{0}**.", "Continuing the draft **{0}**.");

    public static readonly LocalizedText NoDraft = new(
        "Tidak ada draf yang tersimpan untuk dilanjutkan.",
        "There is no saved draft to continue.");

    public static readonly LocalizedText OtherDrafts = new(
        "Draf lain yang masih tersimpan: {0}.",
        "Other saved drafts: {0}.");

    public static readonly LocalizedText DraftExists = new(
        "Anda masih punya draf **{0}** yang belum selesai. Ketik *lanjut* untuk meneruskannya, atau *buang draf* untuk menghapusnya lalu mulai baru.",
        "You still have an unfinished draft **{0}**. Type *continue* to carry on, or *discard draft* to delete it and start again.");

    public static readonly LocalizedText Discarded = new("Draf **{0}** sudah dihapus.", "The draft **{0}** is deleted.");

    public static readonly LocalizedText MovedElsewhere = new(
        "Isian ini sudah dilanjutkan atau diselesaikan di percakapan lain, jadi di sini saya tutup. Ketik *lanjut* bila masih ada draf.",
        "This form was continued or finished in another conversation, so I closed it here. Type *continue* if a draft remains.");

    public static readonly LocalizedText ResumeButton = new("Lanjut", "Continue");

    public static readonly LocalizedText Answers = new("{0}, {1} jawaban", "{0}, {1} answers");
}
