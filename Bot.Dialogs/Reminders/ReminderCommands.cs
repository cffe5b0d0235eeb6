using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Reminders;

/// <summary>The command texts reminder buttons send back (Indonesian, whatever the locale).</summary>
internal static class ReminderCommands
{
    public static string Report(string code, ReportingPeriod period) => $"lapor {code} {period}";

    public static string RemindTomorrow(string code, ReportingPeriod period) => $"ingatkan besok {code} {period}";

    public static string Snooze3Days(string code, ReportingPeriod period) => $"tunda 3 hari {code} {period}";

    public static string AlreadyDone(string code, ReportingPeriod period) => $"sudah selesai {code} {period}";

    public static string Nudge(string organisation) => $"ingatkan {organisation}";

    public const string NudgeAll = "ingatkan semua";

    public static string NotReported(ReportingPeriod period) => $"belum lapor {period}";

    public const string Summary = "ringkasan";
}
