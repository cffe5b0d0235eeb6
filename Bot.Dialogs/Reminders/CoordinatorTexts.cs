using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Reminders;

/// <summary>The words of the coordinator's chase commands and the weekly digest.</summary>
internal static class CoordinatorTexts
{
    public static readonly LocalizedText OnlyCoordinators = new(
        "Maaf, perintah ini hanya untuk koordinator (BNNK/BNNP, Kesbangpol). Jika Anda koordinator, minta admin memberi peran koordinator pada akun Anda.",
        "Sorry, this command is for coordinators only (BNNK/BNNP, Kesbangpol). If you are one, ask an administrator to give your account the coordinator role.");

    public static readonly LocalizedText MissingHeader = new(
        "📋 **Belum lapor {0} {1}** (per {2}): {3} komitmen dari {4} OPD, {5} terlambat.",
        "📋 **Not reported {0} {1}** (as of {2}): {3} commitments from {4} agencies, {5} overdue.");

    public static readonly LocalizedText AllReported = new(
        "✅ Semua komitmen sudah melaporkan {0} {1} (per {2}).",
        "✅ Every commitment has reported {0} {1} (as of {2}).");

    public static readonly LocalizedText OrganisationLine = new("**{0}** — {1} belum ({2} terlambat) dari {3}", "**{0}** — {1} missing ({2} overdue) of {3}");
    public static readonly LocalizedText CommitmentOverdue = new("  - {0} {1} — terlambat {2} hari", "  - {0} {1} — {2} days late");
    public static readonly LocalizedText CommitmentOpen = new("  - {0} {1} — batas {2}", "  - {0} {1} — due {2}");
    public static readonly LocalizedText DraftNote = new(" (draf)", " (draft)");
    public static readonly LocalizedText ReturnedNote = new(" (dikembalikan)", " (returned)");

    public static readonly LocalizedText DigestHeader = new(
        "📊 **Ringkasan mingguan {0} {1}** (per {2})\n\nKomitmen: {3} · sudah lapor: {4} · menunggu verifikasi: {5} · belum: {6} · terlambat: {7}",
        "📊 **Weekly summary {0} {1}** (as of {2})\n\nCommitments: {3} · reported: {4} · awaiting review: {5} · missing: {6} · overdue: {7}");

    public static readonly LocalizedText DigestLine = new("- **{0}**: {1}/{2} sudah lapor, {3} terlambat", "- **{0}**: {1}/{2} reported, {3} overdue");
    public static readonly LocalizedText NothingExpected = new("Belum ada komitmen untuk {0} {1}.", "No commitments for {0} {1} yet.");

    public static readonly LocalizedText Nudged = new(
        "📣 {0} pengingat dijadwalkan untuk {1} fokal ({2}); terkirim dalam beberapa saat. {3} sudah diingatkan hari ini.",
        "📣 {0} reminders queued for {1} focal points ({2}); they go out shortly. {3} were already nudged today.");

    public static readonly LocalizedText NothingToNudge = new("Tidak ada laporan {0} {1} yang perlu dikejar{2}.", "No {0} {1} report to chase{2}.");
    public static readonly LocalizedText NoFokal = new(" OPD tanpa fokal terdaftar: {0}.", " Agencies without a registered focal point: {0}.");

    public static readonly LocalizedText NudgeWhom = new(
        "Siapa yang perlu diingatkan? Ketik *ingatkan semua*, atau *ingatkan* diikuti nama OPD, misalnya *ingatkan Dinkes*. OPD yang ada: {0}.",
        "Whom should I nudge? Type *nudge all*, or *nudge* followed by an agency, e.g. *nudge Dinkes*. Known agencies: {0}.");

    public static readonly LocalizedText UnknownOrganisation = new(
        "OPD \"{0}\" tidak saya kenal. OPD yang ada: {1}.",
        "I do not know the agency \"{0}\". Known agencies: {1}.");
}
