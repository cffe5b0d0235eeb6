using System.Text.RegularExpressions;
using Bot.Dialogs.Engine.Prompts;

namespace Bot.Dialogs.Tips;

/// <summary>
/// Reads a date out of the resident's "when", if there is one. A tip looks back, while the shared date resolver
/// looks ahead (deadlines): "kemarin" is added here, and a day and month without a year that would lie in the
/// future ("12/8" typed in March) is taken as last year's. Anything else stays words only ("tiap malam Minggu").
/// </summary>
internal static partial class TipWhen
{
    public static DateOnly? Resolve(string? text, DateOnly today)
    {
        var input = text?.Trim().ToLowerInvariant().TrimEnd('.', '!') ?? string.Empty;
        switch (input)
        {
            case "hari ini" or "today":
                return today;
            case "kemarin" or "yesterday":
                return today.AddDays(-1);
            case "kemarin lusa" or "the day before yesterday":
                return today.AddDays(-2);
        }

        if (!Digit().IsMatch(input) || !IndonesianDate.TryResolve(input, today, out var date))
        {
            return null;
        }

        if (date > today && !Year().IsMatch(input))
        {
            date = date.AddYears(-1);
        }

        return date <= today ? date : null;
    }

    [GeneratedRegex(@"\d", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Digit();

    [GeneratedRegex(@"\b\d{4}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Year();
}
