using System.Collections.Frozen;
using Bot.Dialogs.Engine;
using static Bot.Dialogs.Understanding.IntentKind;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// Every intent the bot understands: its kind, who may use it, its label in a clarifying question and the typed
/// command its button sends (with the message's codes filled in). A training file's intent must be listed here
/// and every intent listed here must have training examples (checked by the tests).
/// </summary>
public static class IntentCatalog
{
    public static IReadOnlyList<IntentDefinition> All { get; } =
    [
        Define(Intents.Greeting, Conversation, Audience.Anyone, "Salam", "Greeting", Fixed("halo", "hello")),
        Define(Intents.Thanks, Conversation, Audience.Anyone, "Terima kasih", "Thanks", Fixed("terima kasih", "thanks")),
        Define(Intents.Help, Conversation, Audience.Anyone, "Bantuan", "Help", Fixed("bantuan", "help")),
        Define(Intents.About, Conversation, Audience.Anyone, "Tentang Sinergi", "About Sinergi", Fixed("tentang sinergi", "about sinergi")),
        Define(Intents.AskLaw, Conversation, Audience.Anyone, "Tanya aturan", "Ask about the law", Fixed("tanya aturan", "ask about the law")),
        Define(Intents.Question, Question, Audience.Anyone, "Pertanyaan tentang aturan", "A question about the rules", None),
        Define(Intents.OutOfScope, OutOfScope, Audience.Anyone, "Lainnya", "Something else", None),
        Define(Intents.WhoAmI, Command, Audience.Anyone, "Siapa saya", "Who am I", Fixed("siapa saya", "who am i")),

        Define(Intents.Cancel, Steering, Audience.Anyone, "Batal", "Cancel", Fixed("batal", "cancel")),
        Define(Intents.Back, Steering, Audience.Anyone, "Kembali", "Back", Fixed("kembali", "back")),
        Define(Intents.Menu, Steering, Audience.Anyone, "Menu", "Menu", Fixed("menu", "menu")),
        Define(Intents.Later, Steering, Audience.Anyone, "Simpan untuk nanti", "Keep for later", Fixed("nanti", "later")),

        Define(Intents.AdminCode, Command, Audience.Anyone, "Kode admin", "Admin code", (e, en) => e.Code is { } c ? "admin " + c : null),
        Define(Intents.Join, Command, Audience.Anyone, "Gabung sebagai fokal", "Join as focal point", (e, en) => WithArgument(en ? "join" : "gabung", e.Code)),
        Define(Intents.LinkAccount, Command, Audience.Anyone, "Tautkan akun", "Link accounts", (e, _) => WithArgument("tautkan", e.Code)),

        Define(Intents.AddOrganisation, Command, Audience.Coordinator, "Tambah OPD", "Add an agency", (e, en) => WithArgument(en ? "add agency" : "tambah opd", e.Argument)),
        Define(Intents.ListOrganisations, Command, Audience.Coordinator, "Daftar OPD", "List agencies", Fixed("daftar opd", "list agencies")),
        Define(Intents.Invite, Command, Audience.Coordinator, "Undang fokal OPD", "Invite a focal point", (e, en) => WithArgument(en ? "invite" : "undang", e.Organisation?.ShortName ?? e.Argument)),
        Define(Intents.Verify, Command, Audience.Coordinator, "Verifikasi laporan", "Verify reports", Fixed("verifikasi", "verify")),
        Define(Intents.Dashboard, Command, Audience.Coordinator, "Dasbor", "Dashboard", Fixed("dasbor", "dashboard")),

        Define(Intents.Missing, Command, Audience.Coordinator, "Siapa yang belum lapor", "Who has not reported", (e, en) => Join(en ? "not reported" : "belum lapor", e.Period?.ToString(), e.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        Define(Intents.Nudge, Command, Audience.Coordinator, "Ingatkan OPD", "Nudge agencies", (e, en) => (en ? "nudge " : "ingatkan ") + (e.Organisation?.ShortName ?? (en ? "all" : "semua"))),
        Define(Intents.Summary, Command, Audience.Coordinator, "Ringkasan", "Summary", Fixed("ringkasan", "summary")),

        Define(Intents.RegisterCommitment, Command, Audience.Fokal, "Rencana aksi baru", "New action plan", Fixed("rencana aksi baru", "new action plan")),
        Define(Intents.ListCommitments, Command, Audience.Fokal, "Rencana aksi saya", "My action plans", Fixed("rencana aksi saya", "my action plans")),
        Define(Intents.ShowCommitment, Command, Audience.FokalOrCoordinator, "Lihat rencana aksi", "Show an action plan", (e, en) => e.CommitmentCode is { } c ? (en ? "show " : "lihat ") + c : (en ? "my action plans" : "rencana aksi saya")),
        Define(Intents.EditCommitment, Command, Audience.Fokal, "Ubah rencana aksi", "Edit an action plan", (e, en) => WithArgument(en ? "edit" : "ubah", e.CommitmentCode)),
        Define(Intents.CancelCommitment, Command, Audience.Fokal, "Batalkan rencana aksi", "Cancel an action plan", (e, en) => e.CommitmentCode is { } c ? (en ? "cancel " : "batalkan ") + c : (en ? "cancel action plan" : "batalkan rencana aksi")),
        Define(Intents.ReportProgress, Command, Audience.Fokal, "Lapor progres", "Report progress", (e, en) => e.CommitmentCode is { } c ? Join(en ? "report" : "lapor", c, e.Period?.ToString()) : (en ? "report progress" : "lapor progres")),
        Define(Intents.Snooze, Command, Audience.Fokal, "Tunda pengingat", "Snooze a reminder", (e, _) => e.CommitmentCode is { } c ? Join($"tunda {e.Days ?? 1} hari", c, e.Period?.ToString()) : null),
        Define(Intents.AlreadyDone, Command, Audience.Fokal, "Sudah selesai", "Already done", (e, _) => e.CommitmentCode is { } c ? Join("sudah selesai", c, e.Period?.ToString()) : null),

        Define(Intents.ReportTip, Command, Audience.Anyone, "Lapor narkoba", "Report drugs", Fixed("lapor narkoba", "report drugs")),
        Define(Intents.CheckTip, Command, Audience.Anyone, "Cek laporan warga", "Check a tip", (e, en) => e.TipCode is { } c ? (en ? "check " : "cek ") + c : (en ? "check status" : "cek status")),
        Define(Intents.AddTipInfo, Command, Audience.Anyone, "Tambah info laporan", "Add to a tip", (e, en) => WithArgument(en ? "add info" : "tambah info", e.TipCode)),

        Define(Intents.AddPerson, Command, Audience.Coordinator, "Undang koordinator atau fokal", "Invite a coordinator or focal point", (e, en) => e.Organisation is { } o ? (en ? "invite " : "undang ") + o.ShortName : (en ? "invite coordinator" : "undang koordinator")),
        Define(Intents.RemovePerson, Command, Audience.Coordinator, "Hapus koordinator atau fokal", "Remove a coordinator or focal point", None),
        Define(Intents.ListPeople, Command, Audience.Coordinator, "Daftar fokal atau koordinator", "List focal points or coordinators", (e, en) => e.Organisation is { } o ? (en ? "focal point " : "fokal ") + o.ShortName : (en ? "list coordinators" : "daftar koordinator")),
        Define(Intents.TransferCommitments, Command, Audience.Coordinator, "Mutasi fokal", "Transfer a focal point's plans", None),
        Define(Intents.SignIn, Command, Audience.Anyone, "Masuk di perangkat lain", "Sign in on another device", (e, en) => e.Code is { } c ? "masuk " + c : (en ? "sign-in code" : "kode masuk")),
        Define(Intents.SignOut, Command, Audience.Anyone, "Keluar", "Sign out", Fixed("keluar", "sign out")),
        Define(Intents.ResumeDraft, Command, Audience.Anyone, "Lanjutkan isian", "Resume a form", Fixed("lanjut", "continue")),
        Define(Intents.DiscardDraft, Command, Audience.Anyone, "Buang draf", "Discard the draft", Fixed("buang draf", "discard draft")),
        Define(Intents.ChangeName, Command, Audience.Anyone, "Ubah nama", "Change name", (e, en) => WithArgument(en ? "change name" : "ubah nama", e.Argument)),
        Define(Intents.ChangeJobTitle, Command, Audience.Anyone, "Ubah jabatan", "Change job title", (e, en) => WithArgument(en ? "change title" : "ubah jabatan", e.Argument)),
    ];

    private static readonly FrozenDictionary<string, IntentDefinition> ByName = All.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>The definition of an intent; throws for a name the catalog does not list.</summary>
    public static IntentDefinition Get(string name) =>
        ByName.TryGetValue(name, out var definition) ? definition : throw new KeyNotFoundException($"No intent '{name}' in the catalog.");

    public static bool Contains(string name) => ByName.ContainsKey(name);

    private static IntentDefinition Define(string name, IntentKind kind, Audience audience, string id, string en, Func<MessageEntities, bool, string?> command) =>
        new(name, kind, audience, new LocalizedText(id, en), command);

    private static Func<MessageEntities, bool, string?> Fixed(string id, string en) => (_, english) => english ? en : id;

    private static string? None(MessageEntities entities, bool english) => null;

    private static string WithArgument(string command, string? argument) => argument is { Length: > 0 } ? command + " " + argument : command;

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
}
