using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Enrollment;

/// <summary>Texts of joining, roles and refusals.</summary>
internal static class EnrollmentTexts
{
    public static readonly LocalizedText AdminGranted = new(
        "Kode admin diterima. Anda sekarang **Koordinator**. Agar rekan dan fokal mengenali Anda, saya perlu nama dan jabatan Anda.",
        "Admin code accepted. You are now a **Coordinator**. So that colleagues and focal points know who you are, I need your name and job title.");

    public static readonly LocalizedText CodeAccepted = new(
        "Kode undangan berlaku: Anda akan bergabung {0}. Agar koordinator dan rekan mengenali Anda, saya perlu nama dan jabatan Anda.",
        "The invite code is valid: you will join {0}. So that coordinators and colleagues know who you are, I need your name and job title.");

    public static readonly LocalizedText AsCoordinator = new("sebagai **Koordinator**", "as a **Coordinator**");
    public static readonly LocalizedText AsFokal = new("sebagai **fokal {0}**", "as the **focal point of {0}**");

    public static readonly LocalizedText AskName = new("Siapa **nama** Anda?", "What is your **name**?");
    public static readonly LocalizedText NameExample = new("*Budi Santoso*", "*Budi Santoso*");
    public static readonly LocalizedText NameLabel = new("Nama", "Name");

    public static readonly LocalizedText AskJobTitle = new(
        "Terima kasih, {0}. Apa **jabatan** Anda?",
        "Thank you, {0}. What is your **job title**?");

    public static readonly LocalizedText JobTitleExample = new("*Kasubbag Program Dinas Sosial*", "*Head of Programmes, Social Affairs Office*");
    public static readonly LocalizedText JobTitleLabel = new("Jabatan", "Job title");
    public static readonly LocalizedText SaveProfile = new("Ya, simpan", "Yes, save");
    public static readonly LocalizedText JoinDraftTitle = new("pendaftaran", "sign-up");

    public static readonly LocalizedText CoordinatorJoined = new(
        "Selamat bergabung, {0}! Anda sekarang **Koordinator**. Mulai dengan menambah OPD, misalnya *tambah opd Dinas Kesehatan (Dinkes) WITA*, lalu buat kode undangan bagi fokalnya dengan *undang Dinkes*; *undang koordinator* mengundang rekan koordinator.",
        "Welcome, {0}! You are now a **Coordinator**. Start by adding an agency, e.g. *add agency Dinas Kesehatan (Dinkes) WITA*, then create an invite code for its focal point with *invite Dinkes*; *invite coordinator* invites a fellow coordinator.");

    public static readonly LocalizedText AlreadyJoined = new(
        "Anda sudah terdaftar {0}; kode undangan tidak dipakai.",
        "You are already registered {0}; the invite code was not used.");

    public static readonly LocalizedText ProfileHint = new(
        "Ubah dengan *ubah nama* atau *ubah jabatan* diikuti yang baru, misalnya *ubah jabatan Kasi Pencegahan*. Untuk masuk di perangkat lain, ketik *kode masuk*.",
        "Change them with *change name* or *change title* and the new one, e.g. *change title Head of Prevention*. To sign in on another device, type *sign-in code*.");

    public static readonly LocalizedText NameUsage = new(
        "Tulis nama setelah perintahnya (maksimal {0} karakter), misalnya *ubah nama Budi Santoso*.",
        "Write the name after the command (at most {0} characters), e.g. *change name Budi Santoso*.");

    public static readonly LocalizedText NameChanged = new("Nama Anda sekarang **{0}**.", "Your name is now **{0}**.");

    public static readonly LocalizedText JobTitleUsage = new(
        "Tulis jabatan setelah perintahnya (maksimal {0} karakter), misalnya *ubah jabatan Kasi Pencegahan*.",
        "Write the job title after the command (at most {0} characters), e.g. *change title Head of Prevention*.");

    public static readonly LocalizedText JobTitleChanged = new("Jabatan Anda sekarang **{0}**.", "Your job title is now **{0}**.");

    public static readonly LocalizedText AdminNeedsCode = new(
        "Ketik *admin* diikuti kode admin yang tercetak di log server saat Sinergi dinyalakan, misalnya *admin K7M2QX9AB3CD*.",
        "Type *admin* followed by the admin code printed in the server log when Sinergi started, e.g. *admin K7M2QX9AB3CD*.");

    public static readonly LocalizedText AdminRefused = new(
        "Kode admin itu tidak berlaku (salah, atau sudah dipakai).",
        "That admin code is not valid (wrong, or already used).");

    public static readonly LocalizedText AlreadyCoordinator = new(
        "Anda sudah terdaftar sebagai koordinator.",
        "You are already a coordinator.");

    public static readonly LocalizedText JoinNeedsCode = new(
        "Ketik *gabung* diikuti kode undangan dari koordinator, misalnya *gabung K7M2QX9A*.",
        "Type *join* followed by the invite code from your coordinator, e.g. *join K7M2QX9A*.");

    public static readonly LocalizedText JoinInvalid = new(
        "Kode undangan itu tidak berlaku (salah ketik, sudah terpakai, kedaluwarsa, atau dicabut). Mintalah kode baru kepada koordinator.",
        "That invite code is not valid (mistyped, used up, expired or revoked). Ask your coordinator for a new one.");

    public static readonly LocalizedText JoinCoordinator = new(
        "Anda terdaftar sebagai koordinator, jadi tidak bisa sekaligus menjadi fokal OPD. Gunakan akun lain untuk fokal.",
        "You are a coordinator and cannot also be an agency focal point. Use another account for that.");

    public static readonly LocalizedText Joined = new(
        "Selamat bergabung, {2}! Anda sekarang **fokal {0}** (zona waktu {1}).\n\nKetik *rencana aksi baru* untuk mencatat komitmen, *rencana aksi saya* untuk melihat daftarnya, atau *lapor progres* untuk melaporkan realisasi.",
        "Welcome, {2}! You are now the **focal point of {0}** (time zone {1}).\n\nType *new action plan* to record a commitment, *my action plans* to list them, or *report progress* to report realisation.");

    public static readonly LocalizedText Moved = new(
        "Catatan: sebelumnya Anda fokal {0}.",
        "Note: you were previously the focal point of {0}.");

    public static readonly LocalizedText WhoAmI = new(
        "Anda terdaftar sebagai **{0}**{1}.\n\n- Nama: {2}\n- Jabatan: {3}",
        "You are registered as **{0}**{1}.\n\n- Name: {2}\n- Job title: {3}");

    public static readonly LocalizedText OfOrganisation = new(" di {0}", " of {0}");

    public static readonly LocalizedText FokalOnly = new(
        "Perintah ini khusus untuk fokal OPD. Jika Anda fokal, ketik *gabung* diikuti kode undangan dari koordinator, misalnya *gabung K7M2QX9A*.",
        "This command is for agency focal points. If you are one, type *join* followed by the invite code from your coordinator, e.g. *join K7M2QX9A*.");

    public static readonly LocalizedText CoordinatorOnly = new(
        "Perintah ini khusus untuk koordinator (BNNK/BNNP, Kesbangpol). Peran koordinator diberikan oleh pengelola Sinergi.",
        "This command is for coordinators only (BNNK/BNNP, Kesbangpol). The coordinator role is given by whoever runs Sinergi.");
}
