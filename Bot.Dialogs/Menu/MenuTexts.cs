using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Menu;

/// <summary>
/// The texts of the top-level menu. Every command written in a help text works exactly as written (the tests type
/// each one); examples are concrete, never a placeholder in angle brackets (Web Chat drops those as HTML).
/// </summary>
internal static class MenuTexts
{
    public static readonly LocalizedText Welcome = new(
        "Halo! Saya **Sinergi**, asisten P4GN (Pencegahan dan Pemberantasan Penyalahgunaan dan Peredaran Gelap Narkotika). " +
        "Saya membantu OPD melaporkan rencana aksi, membantu koordinator memantau laporan, dan menjawab pertanyaan warga tentang narkotika dan aturannya. " +
        "Tulis saja dengan kata-kata Anda sendiri.",
        "Hello! I am **Sinergi**, the P4GN assistant (prevention and eradication of narcotics abuse and trafficking). " +
        "I help agencies report their action plans, help coordinators follow up, and answer residents' questions about narcotics and the law. " +
        "Just write in your own words.");

    public static readonly LocalizedText ResidentHelp = new(
        "Yang bisa saya lakukan untuk Anda:\n\n" +
        "- **Tanya aturan**: ketik pertanyaan Anda, misalnya *apa itu wajib lapor?* atau *di mana pecandu bisa direhabilitasi?*\n" +
        "- **Lapor narkoba**: laporkan peredaran narkoba tanpa menyebut nama: *lapor narkoba*\n" +
        "- **Cek laporan**: kata cek dan kode lacak Anda, misalnya *cek TIP-7K3Q-9XWD*\n" +
        "- **Fokal OPD**: kata gabung dan kode undangan dari koordinator, misalnya *gabung K7M2QX9A*; setelah itu Anda bisa mencatat rencana aksi dan melaporkan realisasinya (B6/B12)\n" +
        "- **Tautkan akun**: *tautkan*, agar peran Anda ikut di WhatsApp; sudah punya peran di perangkat lain? ketik *kode masuk* di sana, lalu di sini kata masuk dan kodenya, misalnya *masuk K7M2QX9A*\n\n" +
        "Butuh bantuan segera? Hubungi call center BNN **184**.",
        "What I can do for you:\n\n" +
        "- **Ask about the law**: type your question, e.g. *what is mandatory reporting?* or *where can an addict get rehabilitation?*\n" +
        "- **Report drugs**: report drug activity without giving your name: *report drugs*\n" +
        "- **Check a tip**: the word check and your tracking code, e.g. *check TIP-7K3Q-9XWD*\n" +
        "- **Agency focal points**: the word join and the invite code from your coordinator, e.g. *join K7M2QX9A*; then you can record action plans and report progress (B6/B12)\n" +
        "- **Link accounts**: *tautkan*, so your role follows you on WhatsApp; have a role on another device? type *sign-in code* there, then here the words sign in and the code, e.g. *sign in K7M2QX9A*\n\n" +
        "Need help now? Call the BNN call center **184**.");

    public static readonly LocalizedText FokalHelp = new(
        "Yang bisa saya lakukan untuk Anda sebagai fokal OPD:\n\n" +
        "- **Rencana aksi baru**: *rencana aksi baru* (atau tulis saja *mau tambah rencana aksi*)\n" +
        "- **Rencana aksi saya**: *rencana aksi saya*, daftar komitmen OPD Anda beserta kodenya\n" +
        "- **Lihat, ubah, batalkan**: *lihat RA-2027-001*, *ubah RA-2027-001*, *batalkan RA-2027-001* (dengan kode dari daftar Anda)\n" +
        "- **Lapor progres**: *lapor progres*, atau langsung *lapor RA-2027-001 B6*\n" +
        "- **Pengingat**: tombol *Ingatkan besok*, *Tunda 3 hari* dan *Sudah selesai* di pesan pengingat\n" +
        "- **Isian yang belum selesai**: ketik *nanti* di tengah isian untuk menyimpannya sebagai draf, *lanjut* untuk meneruskannya, *buang draf* untuk menghapusnya\n" +
        "- **Akun**: *siapa saya*, *ubah nama Dewi Lestari*, *ubah jabatan Kasi Promkes*, *kode masuk* (untuk masuk di perangkat lain); untuk keluar dari perangkat ini, ketik keluar\n" +
        "- **Tanya aturan** dan **lapor narkoba** tetap bisa dipakai.",
        "What I can do for you as an agency focal point:\n\n" +
        "- **New action plan**: *new action plan* (or just write *I want to add an action plan*)\n" +
        "- **My action plans**: *my action plans*, your agency's commitments with their codes\n" +
        "- **Show, edit, cancel**: *show RA-2027-001*, *edit RA-2027-001*, *cancel RA-2027-001* (with a code from your list)\n" +
        "- **Report progress**: *report progress*, or straight away *report RA-2027-001 B6*\n" +
        "- **Reminders**: the buttons *Remind me tomorrow*, *Snooze 3 days* and *Already done* under a reminder\n" +
        "- **Unfinished forms**: type *later* in the middle of a form to keep it as a draft, *continue* to carry on, *discard draft* to delete it\n" +
        "- **Account**: *who am i*, *change name Dewi Lestari*, *change title Head of Programmes*, *sign-in code* (to sign in on another device); to sign out of this device, type sign out\n" +
        "- **Ask about the law** and **report drugs** work as well.");

    public static readonly LocalizedText CoordinatorHelp = new(
        "Yang bisa saya lakukan untuk Anda sebagai koordinator:\n\n" +
        "- **OPD**: *daftar opd*, *tambah opd Dinas Kesehatan (Dinkes) WITA*, *undang Dinkes* (kode undangan untuk fokalnya)\n" +
        "- **Pemantauan**: *belum lapor B6*, *ingatkan semua*, *ingatkan Dinkes*, *ringkasan*\n" +
        "- **Verifikasi**: *verifikasi*, untuk menyetujui atau mengembalikan laporan\n" +
        "- **Dasbor**: *dasbor*, tautan masuk sekali pakai\n" +
        "- **Rencana aksi**: *lihat RA-2027-001*\n" +
        "- **Orang**: *undang koordinator*, *daftar koordinator*, *fokal Dinkes*, *hapus fokal Budi Santoso*, *mutasi Andi ke Rina* (rencana aksi fokal lama pindah ke fokal baru)\n" +
        "- **Akun**: *siapa saya*, *kode masuk* (untuk masuk di perangkat lain); untuk keluar dari perangkat ini, ketik keluar\n\n" +
        "Boleh juga dengan kata-kata sendiri, misalnya *siapa aja yg blm lapor?*",
        "What I can do for you as a coordinator:\n\n" +
        "- **Agencies**: *list agencies*, *add agency Dinas Kesehatan (Dinkes) WITA*, *invite Dinkes* (an invite code for its focal point)\n" +
        "- **Follow-up**: *not reported B6*, *nudge all*, *nudge Dinkes*, *summary*\n" +
        "- **Verification**: *verify*, to approve or return reports\n" +
        "- **Dashboard**: *dashboard*, a one-time sign-in link\n" +
        "- **Action plans**: *show RA-2027-001*\n" +
        "- **People**: *invite coordinator*, *list coordinators*, *focal points Dinkes*, *remove focal Budi Santoso*, *transfer Andi to Rina* (the old focal point's plans pass to the new one)\n" +
        "- **Account**: *who am i*, *sign-in code* (to sign in on another device); to sign out of this device, type sign out\n\n" +
        "Your own words work too, e.g. *who has not reported yet?*");

    /// <summary>The general help (the menu inside a form, for anyone).</summary>
    public static readonly LocalizedText Help = ResidentHelp;

    public static readonly LocalizedText NotUnderstood = new(
        "Maaf, saya belum memahami pesan itu.",
        "Sorry, I did not understand that.");

    public static readonly LocalizedText TypeHelp = new(
        "Ketik *bantuan* untuk melihat apa yang bisa saya lakukan.",
        "Type *help* to see what I can do.");

    public static readonly LocalizedText About = new(
        "Sinergi dibuat untuk jaringan P4GN: kantor BNN (BNNK/BNNP), OPD/SKPD pemerintah daerah, dan warga. " +
        "Jawaban tentang aturan diambil dari Inpres 2/2020, UU 35/2009, PP 25/2011, PP 40/2013, Permendagri 12/2019 dan Perda HSS 2/2021, lengkap dengan pasalnya.",
        "Sinergi serves the P4GN network: BNN offices (BNNK/BNNP), local government agencies and residents. " +
        "Answers about the rules come from Inpres 2/2020, UU 35/2009, PP 25/2011, PP 40/2013, Permendagri 12/2019 and Perda HSS 2/2021, with the articles cited.");

    public static readonly LocalizedText AskLaw = new(
        "Silakan ketik pertanyaan Anda tentang narkotika, rehabilitasi, atau aturannya. Saya menjawab dari peraturan " +
        "(UU 35/2009, PP 25/2011, PP 40/2013, Inpres 2/2020, Permendagri 12/2019, Perda HSS 2/2021) lengkap dengan pasalnya. " +
        "Contoh: *apa itu wajib lapor?* atau *di mana pecandu bisa direhabilitasi?*",
        "Type your question about narcotics, rehabilitation or the rules. I answer from the regulations " +
        "(UU 35/2009, PP 25/2011, PP 40/2013, Inpres 2/2020, Permendagri 12/2019, Perda HSS 2/2021) and cite the articles. " +
        "For example: *what is mandatory reporting?* or *where can an addict get rehabilitation?*");

    public static readonly LocalizedText YoureWelcome = new(
        "Sama-sama! Ketik *bantuan* kapan saja bila perlu.",
        "You're welcome! Type *help* whenever you need.");

    public static readonly LocalizedText NothingToKeep = new(
        "Tidak ada isian yang sedang berjalan, jadi tidak ada yang perlu disimpan untuk nanti.",
        "No form is open, so there is nothing to keep for later.");

    public static readonly LocalizedText NothingOpen = new(
        "Tidak ada isian yang sedang berjalan, jadi tidak ada yang perlu dibatalkan atau diulang.",
        "No form is open, so there is nothing to cancel or go back to.");

    public static readonly LocalizedText Clarify2 = new("Maksud Anda: *{0}* atau *{1}*?", "Did you mean *{0}* or *{1}*?");

    public static readonly LocalizedText Clarify3 = new("Maksud Anda: *{0}*, *{1}* atau *{2}*?", "Did you mean *{0}*, *{1}* or *{2}*?");

    public static readonly LocalizedText Clarify1 = new("Maksud Anda: *{0}*? Tekan tombolnya bila benar.", "Did you mean *{0}*? Tap the button if so.");

    /// <summary>The help for the user's role.</summary>
    public static LocalizedText HelpFor(Role? role) => role switch
    {
        Role.Fokal => FokalHelp,
        Role.Koordinator => CoordinatorHelp,
        _ => ResidentHelp,
    };

    /// <summary>The buttons under the menu for a resident (and anyone before their role is known).</summary>
    public static IReadOnlyList<string> MainSuggestions(bool english) => english
        ? ["Help", "Ask about the law", "Report drugs", "About Sinergi"]
        : ["Bantuan", "Tanya aturan", "Lapor narkoba", "Tentang Sinergi"];

    /// <summary>The buttons that fit the user's role; each sends a command that works as typed.</summary>
    public static IReadOnlyList<string> Suggestions(Role? role, bool english) => role switch
    {
        Role.Fokal => english
            ? ["New action plan", "My action plans", "Report progress", "Help"]
            : ["Rencana aksi baru", "Rencana aksi saya", "Lapor progres", "Bantuan"],
        Role.Koordinator => english
            ? ["Not reported", "Verify", "Summary", "Dashboard", "Help"]
            : ["Belum lapor", "Verifikasi", "Ringkasan", "Dasbor", "Bantuan"],
        _ => MainSuggestions(english),
    };
}
