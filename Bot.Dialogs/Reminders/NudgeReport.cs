using System.Globalization;
using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// What the coordinator is told after "ingatkan": per fokal, whether the reminder went out now or waits for the end
/// of the quiet hours (with the local time), or for the fokal's first chat; who had one today already; which OPDs
/// have no fokal and were left out of the counts.
/// </summary>
internal static class NudgeReport
{
    public static string Compose(NudgeResult result, string? locale)
    {
        var english = LocalizedText.IsEnglish(locale);
        var periods = string.Join(", ", result.Periods.Select(p => $"{p.Period} {p.Year}"));
        var lines = new List<string>();
        if (result.Queued.Count == 0 && result.AlreadyToday.Count > 0)
        {
            lines.Add(CoordinatorTexts.NothingNewAlreadyNudged.Format(locale, periods));
        }
        else if (result.Queued.Count == 0)
        {
            lines.Add(CoordinatorTexts.NothingToNudge.Format(locale, periods, string.Empty));
        }
        else
        {
            var organisations = string.Join(", ", result.Queued.Select(q => q.Organisation).Distinct(StringComparer.OrdinalIgnoreCase));
            lines.Add(CoordinatorTexts.Nudged.Format(locale, result.Reports, periods, result.Queued.Count, organisations));
            lines.AddRange(result.Queued.Select(q => Line(q, english, locale)));
        }

        if (result.AlreadyToday.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add(CoordinatorTexts.AlreadyToday.For(locale));
            lines.AddRange(result.AlreadyToday.Select(a => Already(a, english, locale)));
            lines.Add(CoordinatorTexts.NextNudge.Format(locale, ReminderDates.FormatShort(result.NextNudge, english)));
        }

        if (result.WithoutFokal.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add(CoordinatorTexts.NoFokal.Format(locale, string.Join(", ", result.WithoutFokal)));
        }

        return string.Join("\n", lines);
    }

    private static string Already(NudgedFokal nudged, bool english, string? locale)
    {
        var name = nudged.Fokal.DisplayName(english);
        if (nudged.NudgedAtUtc is not { } at)
        {
            return CoordinatorTexts.AlreadyLine.Format(locale, name, nudged.Organisation, nudged.Reports, nudged.Overdue);
        }

        var local = LocalSchedule.ToLocal(at, nudged.Zone);
        var when = local.ToString(english ? "HH:mm" : "HH.mm", CultureInfo.InvariantCulture) + " " + Domain.IndonesianTimeZones.CodeOf(nudged.Zone);
        return CoordinatorTexts.AlreadyLineAt.Format(locale, name, nudged.Organisation, nudged.Reports, nudged.Overdue, when);
    }

    private static string Line(NudgedFokal nudged, bool english, string? locale)
    {
        var name = nudged.Fokal.DisplayName(english);
        if (!nudged.Reachable)
        {
            return CoordinatorTexts.NudgedUnreachable.Format(locale, name, nudged.Organisation, nudged.Reports);
        }

        if (nudged.WaitsUntilUtc is not { } waits)
        {
            return CoordinatorTexts.NudgedNow.Format(locale, name, nudged.Organisation, nudged.Reports);
        }

        var local = LocalSchedule.ToLocal(waits, nudged.Zone);
        var when = local.ToString(english ? "ddd d MMM HH:mm" : "ddd d MMM HH.mm", CultureInfo.GetCultureInfo(english ? "en-GB" : "id-ID"))
            + " " + Domain.IndonesianTimeZones.CodeOf(nudged.Zone);
        return CoordinatorTexts.NudgedLater.Format(locale, name, nudged.Organisation, nudged.Reports, when);
    }
}
