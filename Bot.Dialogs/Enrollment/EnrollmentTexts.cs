using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Enrollment;

/// <summary>Texts of joining, roles and refusals.</summary>
internal static class EnrollmentTexts
{
    public static readonly LocalizedText AdminGranted = new(
        "Kode admin diterima. Anda sekarang **Koordinator**. Mulai dengan menambah OPD, misalnya *tambah opd Dinas Kesehatan (Dinkes) WITA*, lalu buat kode undangan bagi fokalnya dengan *undang Dinkes*.",
        "Admin code accepted. You are now a **Coordinator**. Start by adding an agency, e.g. *add agency Dinas Kesehatan (Dinkes) WITA*, then create an invite code for its focal point with *invite Dinkes*.");

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
        "Kode undangan itu tidak berlaku (salah ketik, sudah kedaluwarsa, atau dicabut). Mintalah kode baru kepada koordinator.",
        "That invite code is not valid (mistyped, expired or revoked). Ask your coordinator for a new one.");

    public static readonly LocalizedText JoinCoordinator = new(
        "Anda terdaftar sebagai koordinator, jadi tidak bisa sekaligus menjadi fokal OPD. Gunakan akun lain untuk fokal.",
        "You are a coordinator and cannot also be an agency focal point. Use another account for that.");

    public static readonly LocalizedText Joined = new(
        "Selamat bergabung! Anda sekarang **fokal {0}** (zona waktu {1}).\n\nKetik *rencana aksi baru* untuk mencatat komitmen, *rencana aksi saya* untuk melihat daftarnya, atau *lapor progres* untuk melaporkan realisasi.",
        "Welcome! You are now the **focal point of {0}** (time zone {1}).\n\nType *new action plan* to record a commitment, *my action plans* to list them, or *report progress* to report realisation.");

    public static readonly LocalizedText Moved = new(
        "Catatan: sebelumnya Anda fokal {0}.",
        "Note: you were previously the focal point of {0}.");

    public static readonly LocalizedText WhoAmI = new(
        "Anda terdaftar sebagai **{0}**{1}.",
        "You are registered as **{0}**{1}.");

    public static readonly LocalizedText OfOrganisation = new(" di {0}", " of {0}");

    public static readonly LocalizedText FokalOnly = new(
        "Perintah ini khusus untuk fokal OPD. Jika Anda fokal, ketik *gabung* diikuti kode undangan dari koordinator, misalnya *gabung K7M2QX9A*.",
        "This command is for agency focal points. If you are one, type *join* followed by the invite code from your coordinator, e.g. *join K7M2QX9A*.");

    public static readonly LocalizedText CoordinatorOnly = new(
        "Perintah ini khusus untuk koordinator (BNNK/BNNP, Kesbangpol). Peran koordinator diberikan oleh pengelola Sinergi.",
        "This command is for coordinators only (BNNK/BNNP, Kesbangpol). The coordinator role is given by whoever runs Sinergi.");
}
