using Bot.Knowledge.Language;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The fixed, reviewed answers for emergencies, people seeking help, and requests to obtain or use drugs.
/// They are not generated: every sentence here was checked against the pack and the statutes.
/// </summary>
internal sealed class SafetyAnswers(PassageReader passages)
{
    private static readonly string[] HelpKeys = ["UU 35/2009 Pasal 54", "UU 35/2009 Pasal 55", "PP 25/2011 Pasal 3", "PP 25/2011 Pasal 4", "UU 35/2009 Pasal 128", "Call Center BNN 184"];
    private static readonly string[] EmergencyKeys = ["Call Center BNN 184", "UU 35/2009 Pasal 54", "UU 35/2009 Pasal 55"];
    private static readonly string[] RefusalKeys = ["UU 35/2009 Pasal 114", "UU 35/2009 Pasal 54", "UU 35/2009 Pasal 55", "Call Center BNN 184"];

    public Answer For(SafetyConcern concern, string? locale)
    {
        var english = AnswerTexts.IsEnglish(locale);
        return concern switch
        {
            SafetyConcern.Emergency => Build(english ? EmergencyEn : EmergencyId, AnswerKind.Safety, EmergencyKeys),
            SafetyConcern.SeekingHelp => Build(english ? HelpEn : HelpId, AnswerKind.Safety, HelpKeys),
            SafetyConcern.ObtainOrUse => Build(english ? RefusalEn : RefusalId, AnswerKind.Refused, RefusalKeys),
            _ => throw new ArgumentOutOfRangeException(nameof(concern), concern, "Only a safety concern has a fixed answer."),
        };
    }

    private Answer Build(string text, AnswerKind kind, string[] keys)
    {
        var citations = keys
            .Select(passages.FindPackPassage)
            .OfType<Passages.Passage>()
            .Select(p => new Citation(p.CitationKey, p.DocumentTitle, p.Pasal, p.Id, Excerpts.Lead(p.Text), p.Status))
            .ToList();
        return new Answer(text, kind, citations, 1.0) { Method = "safety" };
    }

    private const string HelpId =
        "Terima kasih sudah mau mencari jalan keluar; itu langkah yang penting. " +
        "Pecandu dan korban penyalahgunaan narkotika wajib, dan berhak, menjalani rehabilitasi medis dan sosial (UU 35/2009 Pasal 54). " +
        "Jalannya lewat **wajib lapor**: datang sendiri, atau didampingi keluarga, ke **IPWL** terdekat, yaitu puskesmas, rumah sakit, atau lembaga rehabilitasi yang ditunjuk pemerintah (UU 35/2009 Pasal 55; PP 25/2011 Pasal 3 dan 4). " +
        "Di sana dilakukan asesmen dan disusun rencana rehabilitasi; hasilnya dirahasiakan. " +
        "Pecandu dewasa yang melapor diri dan menjalani rehabilitasi medis di tempat yang ditunjuk pemerintah tidak dituntut pidana (UU 35/2009 Pasal 128).\n\n" +
        "Untuk konsultasi, hubungi **Call Center BNN 184** (24 jam) atau kantor BNNK setempat. Bila terjadi keadaan darurat, segera telepon **119** (atau 112).";

    private const string HelpEn =
        "Thank you for reaching out; that is an important step. " +
        "Under Indonesian law, addicts and victims of drug abuse must, and are entitled to, receive medical and social rehabilitation (UU 35/2009 Pasal 54). " +
        "The way in is **wajib lapor** (mandatory self-reporting): go yourself, or with your family, to the nearest **IPWL**, a community health centre (puskesmas), hospital or rehabilitation institution appointed by the government (UU 35/2009 Pasal 55; PP 25/2011 Pasal 3 and 4). " +
        "They assess you and agree a rehabilitation plan with you; the results are confidential. " +
        "An adult addict who reports and undergoes medical rehabilitation at an appointed facility is not prosecuted (UU 35/2009 Pasal 128).\n\n" +
        "For advice, call the **BNN call center 184** (24 hours) or your local BNNK office. In an emergency, call **119** (or 112) now.";

    private const string EmergencyId =
        "**Ini keadaan darurat.** Segera telepon **119** (ambulans) atau **112**, atau bawa dia ke IGD terdekat sekarang juga. " +
        "Jangan tinggalkan dia sendirian, ikuti arahan petugas, dan beri tahu petugas zat apa yang dipakai.\n\n" +
        "Setelah kondisinya aman, ia atau keluarganya dapat melapor ke IPWL (puskesmas, rumah sakit, atau lembaga rehabilitasi yang ditunjuk pemerintah) untuk rehabilitasi (UU 35/2009 Pasal 54 dan 55). " +
        "Konsultasi tersedia di **Call Center BNN 184** (24 jam).";

    private const string EmergencyEn =
        "**This is an emergency.** Call **119** (ambulance) or **112** now, or take them to the nearest emergency room. " +
        "Do not leave them alone, follow the dispatcher's instructions, and tell the medics what was taken.\n\n" +
        "Once they are safe, they or their family can report to an IPWL (a puskesmas, hospital or rehabilitation institution appointed by the government) for rehabilitation (UU 35/2009 Pasal 54 and 55). " +
        "Advice is available from the **BNN call center 184** (24 hours).";

    private const string RefusalId =
        "Saya tidak dapat membantu mendapatkan, memakai, atau membuat narkotika. " +
        "Membeli, menjual, atau menjadi perantara jual beli narkotika golongan I tanpa hak adalah tindak pidana berat (UU 35/2009 Pasal 114).\n\n" +
        "Bila Anda sedang bergantung pada narkoba, ada jalan keluar: konsultasi di **Call Center BNN 184** (24 jam), atau melapor diri ke IPWL untuk rehabilitasi (UU 35/2009 Pasal 54 dan 55). " +
        "Bila Anda mengetahui peredaran narkoba, Anda dapat melaporkannya ke 184 atau BNNK setempat.";

    private const string RefusalEn =
        "I cannot help with obtaining, using or making drugs. " +
        "Buying, selling or brokering Class I narcotics without authority is a serious crime (UU 35/2009 Pasal 114).\n\n" +
        "If you are dependent on drugs, there is a way out: call the **BNN call center 184** (24 hours), or report yourself to an IPWL for rehabilitation (UU 35/2009 Pasal 54 and 55). " +
        "If you know of drug dealing, you can report it to 184 or your local BNNK.";
}
