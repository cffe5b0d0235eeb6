using Bot.Knowledge.Passages;

namespace Bot.Knowledge.Answering;

/// <summary>The wording of the fixed safety answers (see <see cref="SafetyAnswers"/>), Indonesian and English.</summary>
internal sealed partial class SafetyAnswers
{
    private const string EmergencyId =
        "**Ini keadaan darurat.** Segera telepon **119** (ambulans) atau **112**, atau bawa dia ke IGD terdekat sekarang juga. " +
        "Jangan tinggalkan dia sendirian; bila dia tidak sadar tetapi bernapas, baringkan miring. Bila dia mengamuk atau berhalusinasi, jaga jarak yang aman, jauhkan benda berbahaya, dan tunggu petugas. " +
        "Beri tahu petugas zat apa yang dipakai.\n\n" +
        "Setelah keadaannya aman, ia atau keluarganya dapat melapor ke IPWL (puskesmas, rumah sakit, atau lembaga rehabilitasi yang ditunjuk pemerintah) untuk rehabilitasi (UU 35/2009 Pasal 54 dan 55). " +
        "Konsultasi tersedia di **Call Center BNN 184** (24 jam).";

    private const string EmergencyEn =
        "**This is an emergency.** Call **119** (ambulance) or **112** now, or take them to the nearest emergency room. " +
        "Do not leave them alone; if they are unconscious but breathing, lay them on their side. If they are raging or hallucinating, keep a safe distance, move dangerous objects away and wait for help. " +
        "Tell the medics what was taken.\n\n" +
        "Once they are safe, they or their family can report to an IPWL (a puskesmas, hospital or rehabilitation institution appointed by the government) for rehabilitation (UU 35/2009 Pasal 54 and 55). " +
        "Advice is available from the **BNN call center 184** (24 hours).";

    private const string SelfHarmId =
        "Terima kasih sudah bercerita; Anda tidak sendirian. **Bila nyawa Anda atau dia dalam bahaya sekarang, segera telepon 119 atau 112**, atau datang ke IGD terdekat, dan minta orang yang Anda percaya untuk menemani. " +
        "Jauhkan obat-obatan, benda tajam, dan apa pun yang bisa melukai.\n\n" +
        "Bila narkoba ikut berperan, ada jalan keluar: rehabilitasi melalui IPWL (UU 35/2009 Pasal 54 dan 55), dan konsultasi di **Call Center BNN 184** (24 jam).";

    private const string SelfHarmEn =
        "Thank you for telling me; you are not alone. **If your life or theirs is in danger now, call 119 or 112**, or go to the nearest emergency room, and ask someone you trust to stay with you. " +
        "Move medicines, sharp objects and anything that could hurt out of reach.\n\n" +
        "If drugs are part of this, there is a way out: rehabilitation through an IPWL (UU 35/2009 Pasal 54 and 55), and advice from the **BNN call center 184** (24 hours).";

    private const string FearId =
        "Melapor untuk berobat dilindungi hukum. Pecandu di bawah umur yang sudah dilaporkan orang tua atau walinya tidak dituntut pidana, " +
        "dan pecandu dewasa yang sedang menjalani rehabilitasi medis di rumah sakit atau lembaga yang ditunjuk pemerintah juga tidak dituntut pidana (UU 35/2009 Pasal 128). " +
        "Laporannya disampaikan ke **IPWL**, yaitu puskesmas, rumah sakit, atau lembaga rehabilitasi yang ditunjuk pemerintah, oleh pecandu sendiri, keluarganya, atau orang tua/wali bila ia belum 18 tahun (UU 35/2009 Pasal 55; PP 25/2011 Pasal 4). " +
        "Laporan yang disampaikan ke kantor lain, misalnya kantor polisi, diteruskan petugasnya ke IPWL (PP 25/2011 Pasal 6). " +
        "Di IPWL pecandu menjalani asesmen medis dan sosial, yaitu wawancara, observasi, serta pemeriksaan fisik dan psikis, untuk mengetahui kondisinya (PP 25/2011 Pasal 7 dan 8); " +
        "hasil asesmen dan catatan selama rehabilitasi bersifat rahasia (PP 25/2011 Pasal 9 dan 16).\n\n" +
        "Pecandu dan korban penyalahgunaan berhak dan wajib mendapat rehabilitasi (UU 35/2009 Pasal 54). Untuk bertanya dulu tanpa harus datang, hubungi **Call Center BNN 184** (24 jam).";

    private const string FearEn =
        "Reporting in order to get treatment is protected by law. An under-age addict who has been reported by a parent or guardian is not prosecuted, " +
        "and neither is an adult addict who is undergoing medical rehabilitation at a hospital or institution appointed by the government (UU 35/2009 Pasal 128). " +
        "The report goes to an **IPWL** (a puskesmas, hospital or rehabilitation institution appointed by the government), made by the addict, the family, or the parent/guardian of someone under 18 (UU 35/2009 Pasal 55; PP 25/2011 Pasal 4). " +
        "A report made at another office, such as a police station, is passed on to an IPWL by the officer who received it (PP 25/2011 Pasal 6). " +
        "At the IPWL the addict is assessed, medically and socially, by interview, observation and a physical and psychological examination, to learn their condition (PP 25/2011 Pasal 7 and 8); " +
        "the assessment results and the rehabilitation records are confidential (PP 25/2011 Pasal 9 and 16).\n\n" +
        "Addicts and victims of drug abuse have the right, and the duty, to be rehabilitated (UU 35/2009 Pasal 54). To ask first without going anywhere, call the **BNN call center 184** (24 hours).";

    private const string RetaliationId =
        "Pelapor dan saksi perkara narkotika, beserta keluarganya, **wajib dilindungi negara** dari ancaman terhadap diri, jiwa, dan harta, sebelum, selama, dan sesudah perkara diperiksa (UU 35/2009 Pasal 100; PP 40/2013 Pasal 35). " +
        "Perlindungannya berupa pengamanan diri, keluarga, dan harta, **kerahasiaan identitas** pelapor dan saksi, dan memberi keterangan tanpa bertatap muka dengan tersangka (PP 40/2013 Pasal 37); " +
        "perlindungan itu dilakukan oleh kepolisian di wilayah tempat tinggal atau tempat kerja Anda (PP 40/2013 Pasal 38), dan di sidang, nama dan alamat pelapor tidak boleh disebut (UU 35/2009 Pasal 99). Bila perlindungan belum diberikan, ajukan permohonan ke kepolisian setempat; perlindungan ini **tanpa biaya** (PP 40/2013 Pasal 40 dan 42).\n\n" +
        "Melapor adalah hak warga, dan pelapor berhak atas perlindungan hukum (UU 35/2009 Pasal 106 dan 107). " +
        "Bila Anda sedang diancam sekarang, segera hubungi **112** (nomor darurat).\n\n" + TipLineNote.Indonesian;

    private const string RetaliationEn =
        "Reporters and witnesses in narcotics cases, and their families, **must be protected by the state** from threats to their person, life and property, before, during and after the case is examined (UU 35/2009 Pasal 100; PP 40/2013 Pasal 35). " +
        "Protection means security for you, your family and your property, **a confidential identity** for reporters and witnesses, and giving testimony without facing the suspect (PP 40/2013 Pasal 37); " +
        "it is given by the police of the area where you live or work (PP 40/2013 Pasal 38), and in court a reporter's name and address may not be mentioned (UU 35/2009 Pasal 99). If protection has not been given, apply to the local police; it is **free of charge** (PP 40/2013 Pasal 40 and 42).\n\n" +
        "Reporting is a citizen's right, and reporters are entitled to legal protection (UU 35/2009 Pasal 106 and 107). " +
        "If you are being threatened right now, call **112** (the emergency number).\n\n" + TipLineNote.English;

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

    private const string EvasionId =
        "Saya tidak dapat membantu menyembunyikan pemakaian narkoba, mengakali atau memalsukan tes narkoba, atau menghindari pemeriksaan. " +
        "Bila Anda masih memakai, jalan yang aman adalah melapor diri ke IPWL (puskesmas, rumah sakit, atau lembaga rehabilitasi yang ditunjuk pemerintah) untuk rehabilitasi (UU 35/2009 Pasal 54 dan 55); " +
        "pecandu yang menjalani rehabilitasi medis di tempat yang ditunjuk pemerintah tidak dituntut pidana (UU 35/2009 Pasal 128), dan hasil asesmennya dirahasiakan (PP 25/2011 Pasal 9).\n\n" +
        "Untuk konsultasi, hubungi **Call Center BNN 184** (24 jam).";

    private const string EvasionEn =
        "I cannot help hide drug use, beat or fake a drug test, or avoid a check. " +
        "If you are still using, the safe way is to report yourself to an IPWL (a puskesmas, hospital or rehabilitation institution appointed by the government) for rehabilitation (UU 35/2009 Pasal 54 and 55); " +
        "an addict undergoing medical rehabilitation at an appointed facility is not prosecuted (UU 35/2009 Pasal 128), and the assessment is confidential (PP 25/2011 Pasal 9).\n\n" +
        "For advice, call the **BNN call center 184** (24 hours).";
}
