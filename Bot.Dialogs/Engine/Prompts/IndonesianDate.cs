using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Dialogs.Engine.Prompts;

/// <summary>
/// Resolves the dates people type, in Indonesian or English, against "today" in the user's time zone:
/// relative words (besok, lusa, minggu depan, Jumat depan), month phrases (akhir Juni, awal Juli), numeric dates
/// (30/6, 30-06-2027, 2027-06-30, and month first when the day cannot be a month: 12/31/2026), written dates
/// (30 Juni 2027, 15 jan 27, June 30 2027) and the reporting periods B6/B12. A date without a year falls in the
/// given default year (the plan year) or else today's; whether it is acceptable (not past, within the plan year) is
/// the validator's business, so the user hears why. Hand-written: no library reads Indonesian dates.
/// </summary>
internal static partial class IndonesianDate
{
    private const int MaxLength = 60;

    public static bool TryResolve(string? text, DateOnly today, out DateOnly date) => TryResolve(text, today, null, out date);

    /// <summary>As <see cref="TryResolve(string?, DateOnly, out DateOnly)"/>; a date without a year falls in <paramref name="defaultYear"/>.</summary>
    public static bool TryResolve(string? text, DateOnly today, int? defaultYear, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }

        var input = Normalize(text);
        try
        {
            var year = defaultYear ?? today.Year;
            return TryRelative(input, today, year, out date)
                || TryWeekday(input, today, out date)
                || TryMonthPhrase(input, year, out date)
                || TryNumeric(input, year, out date)
                || TryWritten(input, year, out date);
        }
        catch (ArgumentOutOfRangeException)
        {
            // 31/2, 2027-13-01 and the like: recognisably a date, but not a real one.
            return false;
        }
    }

    private static string Normalize(string text)
    {
        var lowered = text.Trim().ToLowerInvariant().TrimEnd('.', '!', '?');
        lowered = Spaces().Replace(lowered, " ");
        foreach (var prefix in new[] { "tanggal ", "tgl. ", "tgl ", "pada ", "on ", "by ", "sebelum " })
        {
            if (lowered.StartsWith(prefix, StringComparison.Ordinal))
            {
                lowered = lowered[prefix.Length..];
            }
        }

        return lowered.Replace("hari ", string.Empty, StringComparison.Ordinal).Trim();
    }

    private static bool TryRelative(string input, DateOnly today, int year, out DateOnly date)
    {
        date = input switch
        {
            "ini" or "today" => today,
            "besok" or "tomorrow" => today.AddDays(1),
            "lusa" or "day after tomorrow" => today.AddDays(2),
            "minggu depan" or "pekan depan" or "next week" => today.AddDays(7),
            "bulan depan" or "next month" => today.AddMonths(1),
            "akhir bulan" or "end of the month" or "end of month" => EndOfMonth(today.Year, today.Month),
            "akhir bulan depan" or "end of next month" => EndOfMonth(today.AddMonths(1).Year, today.AddMonths(1).Month),
            "akhir tahun" or "end of the year" or "end of year" or "b12" or "b 12" => new DateOnly(year, 12, 31),
            "b6" or "b 6" => new DateOnly(year, 6, 30),
            _ => default,
        };
        return date != default;
    }

    private static bool TryWeekday(string input, DateOnly today, out DateOnly date)
    {
        date = default;
        var match = WeekdayPattern().Match(input);
        if (!match.Success || !IndonesianCalendarWords.TryWeekday(match.Groups["day"].Value, out var day))
        {
            return false;
        }

        var when = match.Groups["pre"].Value + match.Groups["post"].Value;
        var mondayThisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var offsetInWeek = ((int)day + 6) % 7;
        date = when switch
        {
            "depan" or "next" => mondayThisWeek.AddDays(7 + offsetInWeek),
            "ini" or "this" => mondayThisWeek.AddDays(offsetInWeek),
            _ => today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7 is var ahead && ahead == 0 ? 7 : ahead),
        };
        return true;
    }

    private static bool TryMonthPhrase(string input, int defaultYear, out DateOnly date)
    {
        date = default;
        var match = MonthPhrasePattern().Match(input);
        if (!match.Success || !IndonesianCalendarWords.TryMonth(match.Groups["month"].Value, out var month))
        {
            return false;
        }

        var year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : defaultYear;
        date = match.Groups["part"].Value switch
        {
            "awal" or "start of" or "early" or "beginning of" => new DateOnly(year, month, 1),
            "pertengahan" or "tengah" or "mid" or "middle of" => new DateOnly(year, month, 15),
            _ => EndOfMonth(year, month),
        };
        return true;
    }

    private static bool TryNumeric(string input, int defaultYear, out DateOnly date)
    {
        date = default;
        var iso = IsoPattern().Match(input);
        if (iso.Success)
        {
            date = new DateOnly(Int(iso, "y"), Int(iso, "m"), Int(iso, "d"));
            return true;
        }

        var match = DayMonthPattern().Match(input);
        if (!match.Success)
        {
            return false;
        }

        var (day, month) = (Int(match, "d"), Int(match, "m"));

        // Day first, as Indonesians write; month first only when the second number cannot be a month (12/31/2026).
        if (month > 12 && day <= 12)
        {
            (day, month) = (month, day);
        }

        date = new DateOnly(match.Groups["y"].Success ? FullYear(Int(match, "y")) : defaultYear, month, day);
        return true;
    }

    private static bool TryWritten(string input, int defaultYear, out DateOnly date)
    {
        date = default;
        var dayFirst = DayMonthNamePattern().Match(input);
        var match = dayFirst.Success ? dayFirst : MonthNameDayPattern().Match(input);
        if (!match.Success || !IndonesianCalendarWords.TryMonth(match.Groups["month"].Value, out var month))
        {
            return false;
        }

        var year = match.Groups["y"].Success ? FullYear(Int(match, "y")) : defaultYear;
        date = new DateOnly(year, month, Int(match, "d"));
        return true;
    }

    /// <summary>"27" is 2027: two-digit years in this century (plans are never for the 1900s).</summary>
    private static int FullYear(int year) => year < 100 ? 2000 + year : year;

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:(?<pre>next|this) )?(?<day>[a-z']+)(?: (?<post>depan|ini))?$")]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"^(?:(?<part>akhir|awal|pertengahan|tengah|end of|start of|beginning of|middle of|mid|early|late) )?(?:bulan )?(?<month>[a-z]+)(?: (?<year>\d{4}))?$")]
    private static partial Regex MonthPhrasePattern();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})[/.-](?<m>\d{1,2})(?:[/.-](?<y>\d{4}|\d{2}))?$")]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})[ -](?<month>[a-z]+)\.?,?(?:[ -](?<y>\d{4}|\d{2}))?$")]
    private static partial Regex DayMonthNamePattern();

    [GeneratedRegex(@"^(?<month>[a-z]+)\.? (?<d>\d{1,2})(?:st|nd|rd|th)?,?(?: (?<y>\d{4}|\d{2}))?$")]
    private static partial Regex MonthNameDayPattern();
}
