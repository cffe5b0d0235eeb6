using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Coordinator;

/// <summary>Texts of the coordinator's OPD commands.</summary>
internal static class CoordinatorTexts
{
    public static readonly LocalizedText AddUsage = new(
        "Tulis nama OPD setelah perintahnya, dan boleh ditambah singkatan dalam kurung serta zona waktu, misalnya:\n*tambah opd Dinas Kesehatan (Dinkes) WITA*",
        "Write the agency's name after the command, optionally its short name in brackets and its time zone, e.g.:\n*add agency Dinas Kesehatan (Dinkes) WITA*");

    public static readonly LocalizedText AddTooLong = new(
        "Nama OPD terlalu panjang (maksimal {0} karakter).",
        "The agency name is too long (at most {0} characters).");

    public static readonly LocalizedText AddDuplicate = new(
        "OPD dengan nama *{0}* sudah ada.",
        "An agency named *{0}* already exists.");

    public static readonly LocalizedText Added = new(
        "OPD **{0}** ({1}, zona waktu {2}) tersimpan. Buat kode undangan untuk fokalnya dengan *undang {1}*.",
        "Agency **{0}** ({1}, time zone {2}) saved. Create an invite code for its focal point with *invite {1}*.");

    public static readonly LocalizedText NoOrganisations = new(
        "Belum ada OPD. Tambahkan dengan nama, singkatan dan zona waktunya, misalnya *tambah opd Dinas Kesehatan (Dinkes) WITA*.",
        "No agencies yet. Add one with its name, short name and time zone, e.g. *add agency Dinas Kesehatan (Dinkes) WITA*.");

    public static readonly LocalizedText ListHeader = new("Daftar OPD:", "Agencies:");

    public static readonly LocalizedText ListLine = new(
        "- **{0}** ({1}, {2}): fokal {3}; {4} rencana aksi",
        "- **{0}** ({1}, {2}): focal point {3}; {4} action plans");

    public static readonly LocalizedText NoFokalYet = new("belum ada", "none yet");

    public static readonly LocalizedText SingleUse = new("sekali pakai, untuk satu orang", "single use, for one person");
    public static readonly LocalizedText LimitedUses = new("untuk {0} orang", "for {0} people");

    public static readonly LocalizedText InviteUsage = new(
        "Tulis nama atau singkatan OPD, misalnya *undang Dinkes* (sekali pakai) atau *undang Dinkes 3 orang*. Untuk rekan koordinator: *undang koordinator*.",
        "Write the agency's name or short name, e.g. *invite Dinkes* (single use) or *invite Dinkes 3 people*. For a fellow coordinator: *invite coordinator*.");

    public static readonly LocalizedText UnknownOrganisation = new(
        "OPD *{0}* tidak ditemukan. Ketik *daftar opd* untuk melihat namanya.",
        "Agency *{0}* was not found. Type *list agencies* to see the names.");

    public static readonly LocalizedText Invited = new(
        "Kode undangan untuk **{0}**: **{1}** ({4})\n\nBerlaku sampai {2} {3}. Fokal cukup mengetik *gabung {1}* di chat ini; saya akan menanyakan nama dan jabatannya.",
        "Invite code for **{0}**: **{1}** ({4})\n\nValid until {2} {3}. The focal point types *join {1}* in this chat; I will ask their name and job title.");

    public static readonly LocalizedText InviteTooMany = new(
        "Satu kode paling banyak untuk 50 orang, misalnya *undang Dinkes 3 orang*.",
        "One code serves at most 50 people, e.g. *invite Dinkes 3 people*.");
}
