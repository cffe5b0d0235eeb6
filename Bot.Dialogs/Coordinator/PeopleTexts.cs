using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Coordinator;

/// <summary>Texts of the coordinator's people commands.</summary>
internal static class PeopleTexts
{
    public static readonly LocalizedText InviteCoordinatorUsage = new(
        "Tulis *undang koordinator*, atau *undang koordinator 2 orang* untuk kode yang dipakai beberapa orang (maksimal 50).",
        "Write *invite coordinator*, or *invite coordinator 2 people* for a code several people may use (at most 50).");

    public static readonly LocalizedText CoordinatorInvited = new(
        "Kode undangan **koordinator**: **{0}** ({1})\n\nBerlaku sampai {2}. Rekan Anda cukup mengetik *gabung {0}* di chat ini; saya akan menanyakan nama dan jabatannya.",
        "**Coordinator** invite code: **{0}** ({1})\n\nValid until {2}. Your colleague types *join {0}* in this chat; I will ask their name and job title.");

    public static readonly LocalizedText CoordinatorsHeader = new("Koordinator:", "Coordinators:");

    public static readonly LocalizedText CoordinatorsFooter = new(
        "Tambah dengan *undang koordinator*; cabut dengan *hapus koordinator* diikuti namanya, misalnya *hapus koordinator Rina*.",
        "Add one with *invite coordinator*; remove one with *remove coordinator* and the name, e.g. *remove coordinator Rina*.");

    public static readonly LocalizedText FokalUsage = new(
        "Tulis nama atau singkatan OPD, misalnya *fokal Dinsos*.",
        "Write the agency's name or short name, e.g. *focal points Dinsos*.");

    public static readonly LocalizedText NoFokal = new(
        "**{0}** belum punya fokal. Buat kode undangannya dengan *undang {1}*.",
        "**{0}** has no focal point yet. Create an invite code with *invite {1}*.");

    public static readonly LocalizedText FokalHeader = new("Fokal **{0}**:", "Focal points of **{0}**:");

    public static readonly LocalizedText FokalLine = new(
        "- {0}: memegang {1} rencana aksi, fokal sejak {2}",
        "- {0}: responsible for {1} action plans, focal point since {2}");

    public static readonly LocalizedText FokalFooter = new(
        "Saat fokal dimutasi: *mutasi* nama lama *ke* nama baru, misalnya *mutasi Andi ke Rina* (fokal baru bergabung dulu dengan kode dari *undang* diikuti nama OPD). Cabut dengan *hapus fokal* diikuti namanya.",
        "When a focal point is transferred: *transfer* old name *to* new name, e.g. *transfer Andi to Rina* (the new one joins first with a code from *invite* and the agency). Remove one with *remove focal* and the name.");

    public static readonly LocalizedText TransferUsage = new(
        "Sebutkan fokal lama dan fokal baru dari OPD yang sama, misalnya *mutasi Andi Wijaya ke Rina Sari*: rencana aksi Andi pindah ke Rina, dan Andi tidak lagi menjadi fokal.",
        "Name the old and the new focal point of the same agency, e.g. *transfer Andi Wijaya to Rina Sari*: Andi's action plans pass to Rina, and Andi stops being a focal point.");

    public static readonly LocalizedText RemoveFokalUsage = new(
        "Tulis nama fokalnya, misalnya *hapus fokal Budi Santoso*.",
        "Write the focal point's name, e.g. *remove focal Budi Santoso*.");

    public static readonly LocalizedText RemoveCoordinatorUsage = new(
        "Tulis nama koordinatornya, misalnya *hapus koordinator Rina*.",
        "Write the coordinator's name, e.g. *remove coordinator Rina*.");

    public static readonly LocalizedText LastCoordinator = new(
        "Itu koordinator terakhir; undang koordinator lain dulu (*undang koordinator*) agar sistem tidak tanpa pengelola.",
        "That is the last coordinator; invite another one first (*invite coordinator*) so the system is never left without one.");

    public static readonly LocalizedText Removed = new(
        "{0} bukan lagi {1}. Ia akan diberi tahu.",
        "{0} is no longer a {1}. They will be told.");

    public static readonly LocalizedText RemovedHeld = new(
        "Ia memegang {0} rencana aksi aktif {1}; pengingatnya kini ke fokal lain OPD itu. Tetapkan pemegang baru dengan *mutasi*.",
        "They held {0} active action plans of {1}; their reminders now go to the agency's other focal points. Name a new holder with *transfer*.");

    public static readonly LocalizedText RemovedHeldNoFokalLeft = new(
        "Ia memegang {0} rencana aksi aktif {1}. {1} kini tidak punya fokal, jadi pengingatnya tidak terkirim ke siapa pun. Undang fokal baru dengan *undang {1}*; setelah ia bergabung, pengingat itu sampai kepadanya.",
        "They held {0} active action plans of {1}. {1} now has no focal point, so their reminders reach nobody. Invite a new one with *invite {1}*; once they join, the reminders go to them.");

    public static readonly LocalizedText NoFokalLeft = new(
        "{0} kini tidak punya fokal. Undang fokal baru dengan *undang {0}*.",
        "{0} now has no focal point. Invite a new one with *invite {0}*.");

    public static readonly LocalizedText NoticeRemoved = new(
        "Peran {0} Anda di Sinergi dicabut oleh {1}. Hubungi koordinator bila ini keliru.",
        "Your {0} role in Sinergi was removed by {1}. Contact a coordinator if this is a mistake.");

    public static readonly LocalizedText TransferOtherOrganisation = new(
        "Mutasi hanya antar fokal di OPD yang sama: {0} dan {1} tidak memenuhi itu. Undang fokal baru ke OPD yang sama dulu.",
        "A transfer only works between two focal points of the same agency: {0} and {1} are not. Invite the new focal point to that agency first.");

    public static readonly LocalizedText Transferred = new(
        "Mutasi tercatat: {0} rencana aksi {3} pindah dari {1} ke {2} ({4}). {1} bukan lagi fokal; keduanya diberi tahu.",
        "Transfer recorded: {0} action plans of {3} moved from {1} to {2} ({4}). {1} is no longer a focal point; both are told.");

    public static readonly LocalizedText NoticeTakenOver = new(
        "Anda sekarang memegang rencana aksi {0} yang sebelumnya dipegang {1} ({2}). Ketik *rencana aksi saya* untuk melihatnya.",
        "You now hold the action plans {0}, previously held by {1} ({2}). Type *my action plans* to see them.");

    public static readonly LocalizedText NoticeTransferred = new(
        "Anda dimutasi dari fokal {0}; rencana aksi Anda ({2}) kini dipegang {1}. Terima kasih atas kerja Anda.",
        "You were transferred out as focal point of {0}; your action plans ({2}) are now held by {1}. Thank you for your work.");

    public static readonly LocalizedText NobodyCalled = new(
        "Saya tidak menemukan koordinator atau fokal bernama *{0}*. Ketik *daftar koordinator*, atau *fokal* diikuti nama OPD (misalnya *fokal Dinsos*), untuk melihat nama-namanya.",
        "I found no coordinator or focal point called *{0}*. Type *list coordinators*, or *focal points* and the agency (e.g. *focal points Dinsos*), to see the names.");

    public static readonly LocalizedText WhichOne = new(
        "Ada beberapa orang yang cocok dengan *{0}*; tulis namanya lebih lengkap:\n{1}",
        "Several people match *{0}*; write more of the name:\n{1}");
}
