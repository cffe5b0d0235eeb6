using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Reminders;

/// <summary>The words of the coordinator's chase commands and the weekly digest.</summary>
internal static class CoordinatorTexts
{
    public static readonly LocalizedText OnlyCoordinators = new(
        "Maaf, perintah ini hanya untuk koordinator (BNNK/BNNP, Kesbangpol). Jika Anda koordinator, minta admin memberi peran koordinator pada akun Anda.",
        "Sorry, this command is for coordinators only (BNNK/BNNP, Kesbangpol). If you are one, ask an administrator to give your account the coordinator role.");

    public static readonly LocalizedText MissingHeader = new(
        "📋 **Belum lapor {0}** (per {1}): {2} komitmen dari {3} OPD, {4} terlambat.",
        "📋 **Not reported {0}** (as of {1}): {2} commitments from {3} agencies, {4} overdue.");

    public static readonly LocalizedText AllReported = new(
        "✅ Semua komitmen sudah melaporkan {0} (per {1}).",
        "✅ Every commitment has reported {0} (as of {1}).");

    public static readonly LocalizedText OrganisationLine = new("**{0}** — {1} belum ({2} terlambat) dari {3} · fokal: {4}", "**{0}** — {1} missing ({2} overdue) of {3} · focal point: {4}");
    public static readonly LocalizedText NoFokalYet = new("belum ada", "none yet");
    public static readonly LocalizedText CommitmentOverdue = new("  - {0} {1} — terlambat {2} hari", "  - {0} {1} — {2} days late");
    public static readonly LocalizedText CommitmentOpen = new("  - {0} {1} — batas {2}", "  - {0} {1} — due {2}");
    public static readonly LocalizedText DraftNote = new(" (draf)", " (draft)");
    public static readonly LocalizedText ReturnedNote = new(" (dikembalikan)", " (returned)");

    public static readonly LocalizedText DigestHeader = new("📊 **Ringkasan pelaporan** (per {0})", "📊 **Reporting summary** (as of {0})");

    public static readonly LocalizedText DigestSection = new(
        "**{0} {1}** — komitmen: {2} · sudah lapor: {3} · menunggu verifikasi: {4} · belum: {5} · terlambat: {6}",
        "**{0} {1}** — commitments: {2} · reported: {3} · awaiting review: {4} · missing: {5} · overdue: {6}");

    public static readonly LocalizedText DigestLine = new("- **{0}**: {1}/{2} sudah lapor, {3} terlambat", "- **{0}**: {1}/{2} reported, {3} overdue");
    public static readonly LocalizedText NothingExpected = new("Belum ada komitmen untuk {0}.", "No commitments for {0} yet.");

    public static readonly LocalizedText Nudged = new(
        "📣 **Pengingat untuk {0} laporan** ({1}) ke {2} fokal ({3}):",
        "📣 **Reminders about {0} reports** ({1}) for {2} focal points ({3}):");

    public static readonly LocalizedText NudgedNow = new(
        "- {0} ({1}): {2} laporan — dikirim sekarang (tiba dalam ±1 menit)",
        "- {0} ({1}): {2} reports — sent now (arrives within about a minute)");

    public static readonly LocalizedText NudgedLater = new(
        "- {0} ({1}): {2} laporan — menunggu jam tenang berakhir, dikirim {3}",
        "- {0} ({1}): {2} reports — held for the quiet hours, sent {3}");

    public static readonly LocalizedText NudgedUnreachable = new(
        "- {0} ({1}): {2} laporan — belum bisa dikirim: ia belum pernah membuka chat Sinergi; terkirim setelah ia membukanya",
        "- {0} ({1}): {2} reports — cannot be sent yet: they have never opened the Sinergi chat; it goes out once they do");

    public static readonly LocalizedText AlreadyToday = new(
        "Sudah diingatkan hari ini, tidak dikirim lagi:",
        "Already reminded today, not sent again:");

    public static readonly LocalizedText AlreadyLine = new(
        "- {0} ({1}): {2} laporan belum masuk, {3} terlambat — sudah diingatkan hari ini",
        "- {0} ({1}): {2} reports missing, {3} overdue — already reminded today");

    public static readonly LocalizedText AlreadyLineAt = new(
        "- {0} ({1}): {2} laporan belum masuk, {3} terlambat — diingatkan pukul {4}",
        "- {0} ({1}): {2} reports missing, {3} overdue — reminded at {4}");

    public static readonly LocalizedText NextNudge = new(
        "Pengingat berikutnya bisa dikirim mulai {0}.",
        "The next reminder can be sent from {0}.");

    public static readonly LocalizedText NothingNewAlreadyNudged = new(
        "Tidak ada pengingat baru untuk {0}: laporan yang belum masuk sudah diingatkan hari ini.",
        "No new reminder for {0}: the missing reports were already reminded about today.");

    public static readonly LocalizedText NothingToNudge = new("Tidak ada laporan {0} yang perlu dikejar{1}.", "No {0} report to chase{1}.");
    public static readonly LocalizedText NoFokal = new("OPD tanpa fokal (tidak dihitung, undang fokalnya dulu): {0}.", "Agencies without a focal point (not counted; invite one first): {0}.");

    public static readonly LocalizedText NudgeWhom = new(
        "Siapa yang perlu diingatkan? Ketik *ingatkan semua*, atau *ingatkan* diikuti nama OPD, misalnya *ingatkan Dinkes*. OPD yang ada: {0}.",
        "Whom should I nudge? Type *nudge all*, or *nudge* followed by an agency, e.g. *nudge Dinkes*. Known agencies: {0}.");

    public static readonly LocalizedText UnknownOrganisation = new(
        "OPD \"{0}\" tidak saya kenal. OPD yang ada: {1}.",
        "I do not know the agency \"{0}\". Known agencies: {1}.");
}
