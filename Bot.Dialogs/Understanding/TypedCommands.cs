using System.Text.RegularExpressions;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Tips;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// The typed commands, exactly as the README and the buttons spell them ("daftar opd", "lapor RA-2027-001 B6",
/// "cek TIP-7K3Q-9XWD", "ingatkan besok RA-2027-001 B6"). They are the documented syntax of the bot, so they are
/// recognised with certainty before the classifier is asked; everything else is understood from the examples.
/// </summary>
public static partial class TypedCommands
{
    private static readonly (string Intent, string[] Phrases)[] Exact =
    [
        (Intents.WhoAmI, ["siapa saya", "profil saya", "profil", "who am i", "whoami", "my profile"]),
        (Intents.SignOut, ["keluar", "logout", "log out", "sign out", "signout"]),
        (Intents.ResumeDraft, ["lanjut", "lanjutkan", "lanjutkan draf", "teruskan", "lanjut isi", "continue", "resume", "continue draft"]),
        (Intents.DiscardDraft, ["buang draf", "hapus draf", "buang draft", "hapus draft", "discard draft", "delete draft"]),
        (Intents.Later, ["nanti", "nanti saja", "lanjut nanti", "simpan draf", "simpan draft", "later", "save draft"]),
        (Intents.ListPeople, ["daftar koordinator", "list coordinators", "koordinator"]),
        (Intents.ListOrganisations, ["daftar opd", "list opd", "list agencies", "opd"]),
        (Intents.Verify, ["verifikasi", "verifikasi laporan", "verify", "verify reports"]),
        (Intents.RegisterCommitment, ["rencana aksi baru", "tambah rencana aksi", "buat rencana aksi", "catat rencana aksi", "new action plan", "add action plan"]),
        (Intents.ListCommitments, ["rencana aksi saya", "daftar rencana aksi", "rencana aksi", "my action plans", "action plans", "list action plans"]),
        (Intents.EditCommitment, ["ubah", "edit", "change"]),
        (Intents.CancelCommitment, ["batalkan rencana aksi", "cancel action plan"]),
        (Intents.ReportProgress, ["lapor progres", "lapor progress", "lapor realisasi", "laporkan progres", "report progress"]),
        (Intents.ReportTip, ["lapor", "lapor narkoba", "laporkan narkoba", "laporan warga", "lapor warga", "report drugs", "report drug", "report a tip", "tip line"]),
        (Intents.CheckTip, ["cek status", "check status"]),
        (Intents.Dashboard, ["dasbor", "dashboard", "/dasbor", "buka dasbor"]),
        (Intents.Summary, ["ringkasan", "summary"]),
        (Intents.Help, ["bantuan", "help", "tolong"]),
        (Intents.About, ["tentang sinergi", "about sinergi", "tentang"]),
        (Intents.Greeting, ["halo", "hai", "hi", "hello", "mulai", "start"]),
        (Intents.AskLaw, ["tanya aturan", "tanya", "ask about the law"]),
        (Intents.Cancel, ["batal", "batalkan", "cancel", "stop", "berhenti"]),
        (Intents.Back, ["kembali", "back", "sebelumnya"]),
        (Intents.Menu, ["menu"]),
    ];

    // Longer phrases first where one prefixes another: the first phrase that prefixes the message wins.
    private static readonly (string Intent, string[] Phrases, ArgumentShape Shape)[] WithArgument =
    [
        (Intents.AdminCode, ["admin"], ArgumentShape.Required),
        (Intents.Join, ["gabung", "join"], ArgumentShape.Optional),
        (Intents.SignIn, ["minta kode masuk", "kode masuk", "sign-in code", "signin code", "login code"], ArgumentShape.Optional),
        (Intents.ChangeName, ["ubah nama", "ganti nama", "nama saya", "change name", "my name is"], ArgumentShape.Optional),
        (Intents.ChangeJobTitle, ["ubah jabatan", "ganti jabatan", "jabatan saya", "change title", "my title is"], ArgumentShape.Optional),
        (Intents.AddPerson, ["undang koordinator", "invite coordinator"], ArgumentShape.Optional),
        (Intents.RemovePerson, ["hapus fokal", "cabut fokal", "remove focal point", "remove focal", "hapus koordinator", "cabut koordinator", "remove coordinator"], ArgumentShape.Name),
        (Intents.ListPeople, ["daftar fokal", "fokal", "focal points", "focal point"], ArgumentShape.Name),
        (Intents.AddOrganisation, ["tambah opd", "buat opd", "add agency", "add opd"], ArgumentShape.Optional),
        (Intents.Invite, ["kode undangan", "undang", "invite"], ArgumentShape.Optional),
        (Intents.ShowCommitment, ["lihat", "detail", "show", "view"], ArgumentShape.CommitmentCode),
        (Intents.EditCommitment, ["ubah", "edit", "change"], ArgumentShape.CommitmentCode),
        (Intents.CancelCommitment, ["batalkan rencana aksi", "cancel action plan", "batalkan", "cancel"], ArgumentShape.CommitmentCode),
        (Intents.CheckTip, ["cek status", "cek", "check status", "check", "status"], ArgumentShape.TipCode),
        (Intents.AddTipInfo, ["tambah informasi", "tambahkan informasi", "tambah info", "tambahkan info", "add information", "add info"], ArgumentShape.Optional),
    ];

    /// <summary>The typed command's intent and argument (the text after the command words, trimmed), or null.</summary>
    public static (string Intent, string Argument)? Match(string text) =>
        MatchCommand(text) is { } typed ? (typed.Intent, typed.Argument) : null;

    /// <summary>
    /// The typed command: its intent, argument and the command words it was typed with ("kode masuk", or the
    /// pattern's name for a pattern such as <see cref="SignInWithCode"/>), or null.
    /// </summary>
    public static (string Intent, string Argument, string Phrase)? MatchCommand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > CommandText.MaxLength)
        {
            return null;
        }

        // "?" alone asks for help (it would vanish below, where trailing punctuation is dropped).
        if (trimmed.Trim('?').Length == 0)
        {
            return (Intents.Help, string.Empty, "?");
        }

        // Phrase by phrase: "lapor narkoba" must not stop at "lapor" (a prefix with an argument is no exact match).
        foreach (var (intent, phrases) in Exact)
        {
            if (phrases.FirstOrDefault(phrase => CommandText.IsExactly(trimmed, [phrase])) is { } exact)
            {
                return (intent, string.Empty, exact);
            }
        }

        foreach (var (intent, name, pattern) in Patterns)
        {
            if (pattern.Match(trimmed) is { Success: true } match)
            {
                return (intent, match.Groups["arg"].Value.Trim(), name);
            }
        }

        foreach (var (intent, phrases, shape) in WithArgument)
        {
            foreach (var phrase in phrases)
            {
                if (CommandText.TryMatch(trimmed, [phrase], out var argument) && Fits(argument, shape))
                {
                    return (intent, argument, phrase);
                }
            }
        }

        return null;
    }

    private static bool Fits(string argument, ArgumentShape shape) => shape switch
    {
        ArgumentShape.Required => argument.Length > 0,
        ArgumentShape.Name => argument.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxNameWords && argument.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '(' or ')' or '-' or '\''),
        ArgumentShape.CommitmentCode => argument.StartsWith("RA", StringComparison.OrdinalIgnoreCase) && argument.Length <= 30,
        ArgumentShape.TipCode => argument.StartsWith("TIP", StringComparison.OrdinalIgnoreCase) || TrackingCode.Normalize(argument) is not null,
        _ => true,
    };

    /// <summary>The phrase of "masuk KODE" (sign in here with a code), as opposed to "kode masuk" (ask for one).</summary>
    public const string SignInWithCode = "masuk KODE";

    /// <summary>The phrase of "mutasi LAMA ke BARU" (the argument holds both names).</summary>
    public const string TransferPhrase = "mutasi LAMA ke BARU";

    private static readonly (string Intent, string Name, Regex Pattern)[] Patterns =
    [
        (Intents.LinkAccount, "tautkan", LinkPattern()),
        (Intents.SignIn, SignInWithCode, SignInPattern()),
        (Intents.TransferCommitments, TransferPhrase, TransferPattern()),
        (Intents.ReportProgress, "lapor RA", ProgressPattern()),
        (Intents.Snooze, "tunda", SnoozePattern()),
        (Intents.AlreadyDone, "sudah selesai", DonePattern()),
        (Intents.Missing, "belum lapor", MissingPattern()),
        (Intents.Nudge, "ingatkan", NudgePattern()),
        (Intents.Summary, "ringkasan", SummaryPattern()),
        (Intents.Question, "baca", ReadPassagePattern()),
    ];

    /// <summary>The most words a name typed after a one-word command ("fokal …") may have.</summary>
    private const int MaxNameWords = 4;

    private enum ArgumentShape
    {
        Optional,
        Required,

        /// <summary>Empty, or a short name (an OPD, a person): a longer phrase or a clause is a sentence for the model.</summary>
        Name,
        CommitmentCode,
        TipCode,
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // "tautkan" alone issues a code; "tautkan K7M2QX9A" redeems one ("tautkan akun saya" is left to the classifier).
    [GeneratedRegex(@"^tautkan(?:\s+(?<arg>[a-z0-9]{6,12}))?[.!]?$", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex LinkPattern();

    // "masuk K7M2QX9A" on the new device: exactly a sign-in code's eight symbols ("masuk angin" is no code).
    [GeneratedRegex(@"^(?:masuk|login|sign in|signin)\s+(?<arg>[A-Za-z0-9]{8})[.!]?$", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex SignInPattern();

    // "mutasi Andi ke Rina": the fokal who leaves, then the one who takes over.
    [GeneratedRegex(@"^(?:mutasi|mutasikan|pindahkan fokal|transfer)\s+(?<arg>.+?\s+(?:ke|kepada|to)\s+.+?)$", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex TransferPattern();

    // "lapor RA-2027-014 B6", what the reminders' "Lapor sekarang" button sends.
    [GeneratedRegex(@"^(?:lapor|laporkan|report)\s+(?<arg>RA[-\s]?\d{4}[-\s]?\d{1,4}(?:\s+(?:B6|B12))?)\s*$", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex ProgressPattern();

    [GeneratedRegex(@"^(?:ingatkan\s+besok|tunda\s+\d{1,3}\s+hari)\s+(?<arg>RA-\d{4}-\d{1,5}(?:\s+(?:B6|B12))?)\s*[.!]?$", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex SnoozePattern();

    [GeneratedRegex(@"^sudah\s+selesai\s+(?<arg>RA-\d{4}-\d{1,5}(?:\s+(?:B6|B12))?)\s*[.!]?$", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex DonePattern();

    [GeneratedRegex(@"^(?:(?:siapa\s+(?:yang\s+)?)?belum\s+lapor|(?:who\s+has\s+)?not\s+reported)(?<arg>(?:\s+(?:B6|B12))?(?:\s+20\d\d)?)[?!.]*$", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex MissingPattern();

    [GeneratedRegex(@"^(?:ingatkan|nudge)\s+(?!besok\b)(?<arg>[^?!]+?)[?!.]*$", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex NudgePattern();

    [GeneratedRegex(@"^(?:ringkasan|summary)(?<arg>(?:\s+(?:B6|B12))?(?:\s+20\d\d)?)[?!.]*$", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex SummaryPattern();

    // The buttons under an answer: "Baca UU 35/2009 Pasal 54" asks for a passage's full text.
    [GeneratedRegex(@"^(?:baca|read)\s+(?<arg>(?:UU|PP|Perpres|Inpres|Permendagri|Permenkes|Perda|Peraturan|Perka|Call|Layanan|KOTAN|IKOTAN|Sismonev|Kawasan|Ketahanan)\b.{0,80})$", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex ReadPassagePattern();
}
