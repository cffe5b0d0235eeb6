using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Linking;

/// <summary>What signing in and out says.</summary>
internal static class SignInTexts
{
    public static readonly LocalizedText OwnCode = new(
        "Kode masuk untuk **{1}**: *{0}*\n\nDalam 10 menit, buka Sinergi di perangkat lain (atau kanal lain) dan ketik *masuk {0}*. Kode ini hanya sekali pakai; jangan bagikan kepada siapa pun.",
        "Sign-in code for **{1}**: *{0}*\n\nWithin 10 minutes, open Sinergi on your other device (or channel) and type *sign in {0}*. It works once; do not share it with anyone.");

    public static readonly LocalizedText CodeForPerson = new(
        "Kode masuk untuk {1}: *{0}* (berlaku 24 jam, sekali pakai)\n\nSampaikan langsung kepadanya; ia mengetik *masuk {0}* di chat Sinergi pada perangkatnya.",
        "Sign-in code for {1}: *{0}* (valid 24 hours, single use)\n\nGive it to them in person; they type *sign in {0}* in the Sinergi chat on their device.");

    public static readonly LocalizedText SignedIn = new(
        "Anda masuk sebagai **{0}** ({1}). Perangkat ini akan mengenali Anda, juga di tab baru dan setelah peramban ditutup. Ketik *keluar* untuk keluar dari perangkat ini.",
        "You are signed in as **{0}** ({1}). This device will recognise you, in new tabs and after the browser is closed too. Type *sign out* to sign out of this device.");

    public static readonly LocalizedText SignedInTerminal = new(
        "Anda masuk sebagai **{0}** ({1}) di obrolan terminal ini. Ketik *logout* untuk keluar dari akun; *keluar* hanya menutup obrolan.",
        "You are signed in as **{0}** ({1}) in this terminal chat. Type *logout* to sign out; *exit* only closes the chat.");

    public static readonly LocalizedText SignedInChannel = new(
        "Anda masuk sebagai **{0}** ({1}). Akun ini di kanal ini kini mengenali Anda. Ketik *keluar* untuk melepasnya.",
        "You are signed in as **{0}** ({1}). This account on this channel now recognises you. Type *sign out* to release it.");

    public static readonly LocalizedText InvalidCode = new(
        "Kode masuk itu tidak berlaku atau sudah kedaluwarsa. Ketik *kode masuk* di perangkat yang sudah mengenali Anda, atau minta kode kepada koordinator.",
        "That sign-in code is not valid or has expired. Type *sign-in code* on a device that knows you, or ask a coordinator for one.");

    public static readonly LocalizedText AlreadySignedIn = new(
        "Perangkat ini sudah dipakai orang dengan peran sendiri. Ketik *keluar* dulu, lalu *masuk KODE* lagi.",
        "This device is in use by someone with their own role. Type *sign out* first, then *sign in CODE* again.");

    public static readonly LocalizedText SignedOut = new(
        "Anda sudah keluar, {0}. Perangkat ini tidak lagi mengenali Anda; peran dan data Anda tetap aman. Untuk masuk lagi, ketik *kode masuk* di perangkat lain lalu *masuk KODE* di sini, atau minta kode kepada koordinator.",
        "You are signed out, {0}. This device no longer knows you; your role and data are safe. To sign in again, type *sign-in code* on another device and *sign in CODE* here, or ask a coordinator for a code.");

    public static readonly LocalizedText SignedOutAnonymous = new(
        "Anda sudah keluar. Percakapan berikutnya dimulai baru.",
        "You are signed out. The next conversation starts afresh.");

    public static readonly LocalizedText NobodyCalled = new(
        "Saya tidak menemukan koordinator atau fokal bernama *{0}*.",
        "I found no coordinator or focal point called *{0}*.");

    public static readonly LocalizedText WhichOne = new(
        "Ada beberapa orang yang cocok dengan *{0}*; tulis namanya lebih lengkap:\n{1}",
        "Several people match *{0}*; write more of the name:\n{1}");
}
