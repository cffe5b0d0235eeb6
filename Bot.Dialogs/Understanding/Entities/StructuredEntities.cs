using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Tips;

namespace Bot.Dialogs.Understanding.Entities;

/// <summary>
/// Finds the entities that have a fixed shape, in any spelling people type: commitment codes ("RA-2026-001",
/// "ra 2026 1", "RA2026001"), tracking codes ("TIP-7K3Q-9XWD", "tip 7k3q 9xwd"), periods ("B6", "b 12",
/// "semester 1", "akhir tahun"), years, time zones, and the random codes of invitations and sign-in (letters and
/// digits mixed). Shapes are facts of the codes the bot itself issues, not rules about particular sentences;
/// anything with a free form (an OPD, a person) is learned from the examples instead.
/// </summary>
public static partial class StructuredEntities
{
    /// <summary>Everything longer is not searched (a pasted document is not a command).</summary>
    public const int MaxLength = 300;

    /// <summary>The mentions, left to right, none overlapping (the earlier and longer one wins).</summary>
    public static IReadOnlyList<EntityMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            return [];
        }

        var found = new List<EntityMention>();
        Add(found, TipPattern(), text, EntityNames.TipCode, m => CanonicalTip(m.Value));
        Add(found, CommitmentPattern(), text, EntityNames.CommitmentCode, CanonicalCommitment);
        Add(found, PeriodPattern(), text, EntityNames.Period, m => PeriodOf(m)?.ToString());
        Add(found, YearPattern(), text, EntityNames.Year, m => m.Value);
        Add(found, ZonePattern(), text, EntityNames.TimeZone, m => m.Value.ToUpperInvariant());
        Add(found, DurationPattern(), text, EntityNames.Duration, m => DaysOf(m)?.ToString(CultureInfo.InvariantCulture));
        Add(found, CodePattern(), text, EntityNames.Code, m => IsCode(m.Value) ? m.Value.ToUpperInvariant() : null);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>"RA-2026-1" → "RA-2026-001": the store's spelling (three digits at least).</summary>
    public static string? CanonicalCommitment(string text) =>
        CommitmentPattern().Match(text) is { Success: true } match ? CanonicalCommitment(match) : null;

    private static string CanonicalCommitment(Match match) =>
        string.Create(CultureInfo.InvariantCulture, $"RA-{match.Groups["year"].Value}-{int.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture):000}");

    /// <summary>The canonical tracking code when valid; otherwise the typed one upper-cased, so the lookup says "not found".</summary>
    private static string CanonicalTip(string text) => TrackingCode.Normalize(text) ?? text.ToUpperInvariant().Replace(' ', '-');

    private static ReportingPeriod? PeriodOf(Match match) =>
        match.Groups["b6"].Success ? ReportingPeriod.B6 : match.Groups["b12"].Success ? ReportingPeriod.B12 : null;

    private static int? DaysOf(Match match)
    {
        if (match.Groups["one"].Success)
        {
            return 1;
        }

        if (match.Groups["two"].Success)
        {
            return 2;
        }

        if (match.Groups["week"].Success)
        {
            return 7;
        }

        var count = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 1;
        return match.Groups["weeks"].Success ? count * 7 : count;
    }

    /// <summary>A random code mixes letters and digits; a word or a number alone is not one.</summary>
    private static bool IsCode(string token) => token.Any(char.IsAsciiDigit) && token.Any(char.IsAsciiLetter);

    private static void Add(List<EntityMention> found, Regex pattern, string text, string name, Func<Match, string?> value)
    {
        foreach (var match in Matches(pattern, text))
        {
            var start = match.Index;
            var end = match.Index + match.Length;
            if (found.Any(f => start < f.Start + f.Length && f.Start < end) || value(match) is not { } canonical)
            {
                continue;
            }

            found.Add(new EntityMention(name, canonical, start, match.Length));
        }
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"(?<![\p{L}\d])tip\s*[-.]?\s*[a-z0-9]{4}\s*[-.]?\s*[a-z0-9]{4}(?![\p{L}\d])", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex TipPattern();

    [GeneratedRegex(@"(?<![\p{L}\d])ra\s*[-./]?\s*(?<year>20\d\d)\s*[-./]?\s*(?<seq>\d{1,4})(?!\d)", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex CommitmentPattern();

    [GeneratedRegex(
        @"(?<![\p{L}\d])(?:(?<b6>b\s?[-.]?\s?6(?!\d)|(?:semester|smt|sem)\s*(?:1|i|satu|pertama)(?![\p{L}\d])|(?:per)?tengah(?:an)?\s+tahun|mid[-\s]?year|first\s+half)|(?<b12>b\s?[-.]?\s?12(?!\d)|(?:semester|smt|sem)\s*(?:2|ii|dua|kedua)(?![\p{L}\d])|akhir\s+tahun|end\s+of(?:\s+the)?\s+year|year[-\s]end|second\s+half))",
        Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"(?<![\p{L}\d])20[2-4]\d(?![\p{L}\d])", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:wib|wita|wit)(?![\p{L}\d])", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex ZonePattern();

    [GeneratedRegex(
        @"(?<![\p{L}\d])(?:(?<one>besok|bsk|tomorrow)|(?<two>lusa)|(?<week>seminggu|sepekan|minggu\s+depan|pekan\s+depan|next\s+week|a\s+week)|(?<n>\d{1,3})\s*(?:hari|hr|days?|(?<weeks>minggu|pekan|weeks?)))(?![\p{L}\d])",
        Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(?<![\p{L}\d])[a-z0-9]{6,12}(?![\p{L}\d])", Options, matchTimeoutMilliseconds: 200)]
    private static partial Regex CodePattern();

    /// <summary>
    /// Every match. A match that runs out of time (on a starved machine the limit, which counts wall-clock time, is hit
    /// by ordinary input) throws: the turn pipeline runs the turn again rather than have the handler ask again for what
    /// the user already typed (BENCHMARKS.md "A turn that fails under load").
    /// </summary>
    private static List<Match> Matches(Regex pattern, string text)
    {
        var matches = new List<Match>();
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            matches.Add(match);
        }

        return matches;
    }
}
