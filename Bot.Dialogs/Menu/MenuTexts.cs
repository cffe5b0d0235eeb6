using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Menu;

/// <summary>The texts of the top-level menu.</summary>
internal static class MenuTexts
{
    public static readonly LocalizedText Welcome = new(
        "Halo! Saya **Sinergi**, asisten P4GN (Pencegahan dan Pemberantasan Penyalahgunaan dan Peredaran Gelap Narkotika). " +
        "Saya membantu OPD melaporkan rencana aksi, membantu koordinator memantau laporan, dan menjawab pertanyaan warga tentang narkotika dan aturannya.",
        "Hello! I am **Sinergi**, the P4GN assistant (prevention and eradication of narcotics abuse and trafficking). " +
        "I help agencies report their action plans, help coordinators follow up, and answer residents' questions about narcotics and the law.");

    public static readonly LocalizedText Help = new(
        "Yang bisa saya lakukan:\n\n" +
        "- **Tanya aturan**: ketik pertanyaan Anda, misalnya *apa itu wajib lapor?*\n" +
        "- **Lapor narkoba**: laporkan peredaran narkoba secara anonim\n" +
        "- **Rencana aksi**: fokal OPD mencatat komitmen dan melaporkan realisasi (B6/B12)\n" +
        "- **Koordinator**: pantau siapa yang belum lapor dan verifikasi laporan\n\n" +
        "Butuh bantuan segera? Hubungi call center BNN **184**.",
        "What I can do:\n\n" +
        "- **Ask about the law**: type your question, e.g. *what is mandatory reporting?*\n" +
        "- **Report drugs**: report drug activity anonymously\n" +
        "- **Action plans**: agency focal points record commitments and report progress (B6/B12)\n" +
        "- **Coordinators**: see who has not reported and verify reports\n\n" +
        "Need help now? Call the BNN call center **184**.");

    public static readonly LocalizedText FokalCommands = new(
        "Perintah fokal: *rencana aksi baru*, *rencana aksi saya*, *lihat RA-…*, *ubah RA-…*, *batalkan RA-…*, *lapor progres*.",
        "Focal point commands: *new action plan*, *my action plans*, *show RA-…*, *edit RA-…*, *cancel RA-…*, *report progress*.");

    public static readonly LocalizedText CoordinatorCommands = new(
        "Perintah koordinator: *tambah opd <nama> [WIB|WITA|WIT]*, *daftar opd*, *undang <opd>*, *verifikasi*, *lihat RA-…*.",
        "Coordinator commands: *add agency <name> [WIB|WITA|WIT]*, *list agencies*, *invite <agency>*, *verify*, *show RA-…*.");

    public static readonly LocalizedText NotUnderstood = new(
        "Maaf, saya belum memahami pesan itu. Ketik *bantuan* untuk melihat apa yang bisa saya lakukan.",
        "Sorry, I did not understand that. Type *help* to see what I can do.");

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

    public static IReadOnlyList<string> MainSuggestions(bool english) => english
        ? ["Help", "Ask about the law", "Report drugs", "About Sinergi"]
        : ["Bantuan", "Tanya aturan", "Lapor narkoba", "Tentang Sinergi"];
}
