namespace Bot.Knowledge.Retrieval;

/// <summary>
/// How people write about narcotics and the law in chat, mapped to the words of the sources. Slang is
/// replaced before analysis (it is the same word); synonyms are added to the query with a lower weight
/// (they widen the net but the user's own word counts most).
/// </summary>
internal static class Lexicon
{
    /// <summary>Chat spellings and abbreviations, replaced word for word.</summary>
    public static readonly IReadOnlyDictionary<string, string> Slang = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sy"] = "saya", ["sya"] = "saya", ["aku"] = "saya", ["gw"] = "saya", ["gue"] = "saya", ["gua"] = "saya",
        ["tau"] = "tahu", ["tp"] = "tapi", ["tpi"] = "tapi", ["aja"] = "saja", ["ajah"] = "saja",
        ["ga"] = "tidak", ["gak"] = "tidak", ["nggak"] = "tidak", ["ngga"] = "tidak", ["enggak"] = "tidak",
        ["engga"] = "tidak", ["tdk"] = "tidak", ["ndak"] = "tidak", ["kagak"] = "tidak", ["gk"] = "tidak",
        ["diem"] = "diam", ["nyimpen"] = "menyimpan", ["nyimpan"] = "menyimpan", ["simpen"] = "simpan",
        ["yg"] = "yang", ["dgn"] = "dengan", ["utk"] = "untuk", ["krn"] = "karena", ["karna"] = "karena",
        ["gmn"] = "bagaimana", ["gimana"] = "bagaimana", ["bgmn"] = "bagaimana", ["knp"] = "kenapa",
        ["brp"] = "berapa", ["org"] = "orang", ["ortu"] = "orang tua", ["kalo"] = "kalau", ["klo"] = "kalau",
        ["udah"] = "sudah", ["udh"] = "sudah", ["sdh"] = "sudah", ["blm"] = "belum", ["dpt"] = "dapat",
        ["bs"] = "bisa", ["jd"] = "jadi", ["sm"] = "sama", ["ama"] = "sama", ["dr"] = "dari", ["kl"] = "kalau",
        ["nyabu"] = "memakai sabu", ["ngeganja"] = "memakai ganja", ["nyimeng"] = "memakai ganja",
        ["make"] = "memakai", ["makai"] = "memakai", ["pake"] = "memakai", ["pakai"] = "memakai",
        ["ditangkep"] = "ditangkap", ["ketangkep"] = "ditangkap", ["ketangkap"] = "ditangkap",
        ["ngedar"] = "mengedarkan", ["ngedarin"] = "mengedarkan", ["jualan"] = "menjual", ["ngejual"] = "menjual",
        ["shabu"] = "sabu", ["sabu-sabu"] = "sabu", ["ss"] = "sabu", ["meth"] = "sabu",
        ["cimeng"] = "ganja", ["gele"] = "ganja", ["inex"] = "ekstasi", ["ekstasy"] = "ekstasi", ["putaw"] = "heroin",
        ["narkotik"] = "narkotika", ["napza"] = "narkotika", ["narkoba"] = "narkotika",
        ["rehab"] = "rehabilitasi", ["direhab"] = "direhabilitasi",
        ["rs"] = "rumah sakit", ["pkm"] = "puskesmas",
        ["bnnk"] = "bnn kabupaten kota", ["bnnkab"] = "bnn kabupaten", ["bnnkota"] = "bnn kota", ["bnnp"] = "bnn provinsi",
        ["pemkab"] = "pemerintah kabupaten", ["pemkot"] = "pemerintah kota", ["pemda"] = "pemerintah daerah",
        ["pemprov"] = "pemerintah provinsi", ["hss"] = "hulu sungai selatan",
        ["asn"] = "aparatur sipil negara asn", ["pns"] = "pegawai negeri sipil asn",
    };

    /// <summary>Synonyms: a word (or two-word phrase) of the user → words the sources use.</summary>
    public static readonly IReadOnlyDictionary<string, string> Synonyms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sabu"] = "metamfetamina narkotika golongan bukan tanaman",
        ["ganja"] = "tanaman narkotika golongan",
        ["ekstasi"] = "mdma narkotika golongan bukan tanaman",
        ["heroin"] = "narkotika golongan",
        ["kokain"] = "narkotika golongan",
        ["narkotika"] = "narkoba",
        ["pecandu"] = "ketergantungan",
        ["kecanduan"] = "pecandu ketergantungan",
        ["candu"] = "pecandu ketergantungan",
        ["sakau"] = "pecandu ketergantungan",
        ["ketagihan"] = "pecandu ketergantungan",
        ["pemakai"] = "penyalah guna menggunakan",
        ["memakai"] = "menggunakan penyalah guna",
        ["rehabilitasi"] = "pemulihan",
        ["berhenti"] = "rehabilitasi pemulihan",
        ["sembuh"] = "rehabilitasi pemulihan",
        ["hukuman"] = "pidana ancaman",
        ["dihukum"] = "pidana",
        ["sanksi"] = "pidana",
        ["penjara"] = "pidana penjara",
        ["dipenjara"] = "pidana penjara",
        ["ditangkap"] = "penangkapan penyidik",
        ["polisi"] = "kepolisian penyidik",
        ["bandar"] = "pengedar peredaran gelap menjual",
        ["pengedar"] = "peredaran gelap menjual perantara",
        ["mengedarkan"] = "peredaran menjual",
        ["transaksi"] = "jual beli menjual membeli peredaran",
        ["jual beli"] = "menjual membeli perantara",
        ["menjual"] = "jual beli perantara",
        ["diam"] = "tidak melaporkan",
        ["lapor"] = "melaporkan laporan",
        ["melapor"] = "melaporkan laporan",
        ["pelapor"] = "melaporkan laporan",
        ["wajib lapor"] = "melaporkan diri institusi penerima",
        ["lapor diri"] = "wajib lapor melaporkan diri",
        ["ipwl"] = "institusi penerima wajib lapor",
        ["identitas"] = "nama alamat kerahasiaan",
        ["dirahasiakan"] = "rahasia kerahasiaan",
        ["gratis"] = "biaya dipungut",
        ["bayar"] = "biaya dipungut",
        ["membayar"] = "biaya dipungut",
        ["ongkos"] = "biaya",
        ["miskin"] = "tidak mampu biaya",
        ["anak"] = "belum cukup umur",
        ["remaja"] = "belum cukup umur generasi muda",
        ["orang tua"] = "wali keluarga",
        ["keluarga"] = "orang tua wali",
        ["tetangga"] = "masyarakat",
        ["warga"] = "masyarakat",
        ["relawan"] = "peran serta masyarakat wadah",
        ["komunitas"] = "peran serta masyarakat wadah",
        ["hadiah"] = "penghargaan premi",
        ["perda"] = "peraturan daerah",
        ["inpres"] = "instruksi presiden",
        ["permendagri"] = "peraturan menteri dalam negeri",
        ["mendagri"] = "menteri dalam negeri",
        ["kemendagri"] = "menteri dalam negeri",
        ["bappenas"] = "perencanaan pembangunan nasional",
        ["opd"] = "perangkat daerah",
        ["skpd"] = "perangkat daerah",
        ["ran"] = "rencana aksi nasional",
        ["b6"] = "sismonev bulan",
        ["b12"] = "sismonev bulan",
        ["bersinar"] = "bersih narkoba",
        ["kotan"] = "tanggap ancaman narkoba",
        ["ikotan"] = "indeks tanggap ancaman kotan",
        ["tes urine"] = "deteksi dini",
        ["overdosis"] = "darurat",
        ["pesantren"] = "keagamaan",
        ["tradisional"] = "adat",
        ["puskesmas"] = "pusat kesehatan masyarakat",
        ["184"] = "call center",
    };

    /// <summary>Chat fillers and question words the stop list misses.</summary>
    public static readonly IReadOnlySet<string> Fillers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "tolong", "mohon", "dong", "sih", "ya", "yah", "kah", "nih", "deh", "min", "kak", "pak", "bu", "gan",
        "bang", "mas", "mbak", "halo", "hai", "apakah", "bisakah", "bolehkah", "menurut", "aturan", "peraturan",
        "sebenarnya", "gitu", "begitu", "kayak", "seperti", "saja", "tapi", "kalau", "bisa",
    };
}
