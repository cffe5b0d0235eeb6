using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Linking;

/// <summary>What the linking command says.</summary>
internal static class LinkTexts
{
    public static readonly LocalizedText Issued = new(
        "Kode penautan Anda: *{0}*\n\nDalam 10 menit, kirim *tautkan {0}* dari akun Anda yang lain (misalnya WhatsApp atau Teams). " +
        "Setelah itu peran dan rencana aksi Anda ikut di kedua akun. Jangan bagikan kode ini kepada orang lain.",
        "Your linking code: *{0}*\n\nWithin 10 minutes, send *tautkan {0}* from your other account (for example WhatsApp or Teams). " +
        "Your role and action plans will then follow you on both. Do not share this code with anyone.");

    public static readonly LocalizedText Linked = new(
        "Berhasil: akun ini sekarang tertaut dengan akun Anda yang lain. Peran dan rencana aksi Anda tersedia di sini.",
        "Done: this account is now linked to your other account. Your role and action plans are available here.");

    public static readonly LocalizedText AlreadyLinked = new(
        "Akun ini sudah tertaut dengan akun tersebut.",
        "This account is already linked to that account.");

    public static readonly LocalizedText Invalid = new(
        "Kode itu tidak berlaku atau sudah kedaluwarsa. Ketik *tautkan* di akun asal untuk membuat kode baru.",
        "That code is not valid or has expired. Type *tautkan* on your original account to get a new code.");

    public static readonly LocalizedText TooManyAttempts = new(
        "Terlalu banyak kode salah. Coba lagi dalam 15 menit.",
        "Too many wrong codes. Please try again in 15 minutes.");

    public static readonly LocalizedText HasRole = new(
        "Akun ini sudah punya peran sendiri, jadi tidak bisa dipindahkan. Ketik *tautkan* di akun ini, lalu kirim kodenya dari akun yang lain.",
        "This account already has its own role, so it cannot be moved. Type *tautkan* here and send the code from your other account instead.");
}
