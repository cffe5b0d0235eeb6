using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Turns statute fragments into plain sentences: the ayat number and list letter go, a list is joined to its
/// lead-in, cross-references ("sebagaimana dimaksud dalam Pasal 55 ayat (1)") and spelled-out numbers
/// ("4 (empat) tahun") are dropped, rupiah amounts are written as people say them ("Rp800 juta"), and the
/// sentence starts with a capital and ends with a full stop.
/// </summary>
internal static partial class ReadableText
{
    private const int MaxSentence = 420;

    /// <summary>One ayat or list item, cleaned; null when nothing readable is left.</summary>
    public static string Clean(string unit)
    {
        var text = UnitMarker().Replace(unit.Trim(), string.Empty);
        text = CrossReference().Replace(text, " ");
        text = SpelledNumber().Replace(text, "$1");
        text = Rupiah().Replace(text, m => Money(m.Groups[1].Value));
        text = Whitespace().Replace(text, " ").Trim();
        text = SpaceBeforePunctuation().Replace(text, "$1");
        text = TrailingJoiner().Replace(text, string.Empty).Trim();
        return text;
    }

    /// <summary>A lead-in ("BNN mempunyai tugas:") and its items as one sentence: "…: a, b, dan c."</summary>
    public static string JoinList(string leadIn, IReadOnlyList<string> items)
    {
        var lead = Clean(leadIn).TrimEnd(':', ' ');
        var cleaned = items.Select(Clean).Where(i => i.Length > 0).Select(i => i.TrimEnd('.', ';', ',')).ToList();
        if (cleaned.Count == 0)
        {
            return Sentence(lead);
        }

        var joined = cleaned.Count == 1
            ? cleaned[0]
            : string.Join("; ", cleaned.Take(cleaned.Count - 1)) + "; dan " + cleaned[^1];
        return Sentence(lead + ": " + joined);
    }

    /// <summary>Capital first letter, a full stop at the end, and no longer than a readable sentence.</summary>
    public static string Sentence(string text)
    {
        var value = text.Trim().TrimEnd(';', ',', ':').Trim();
        if (value.Length == 0)
        {
            return value;
        }

        if (value.Length > MaxSentence)
        {
            var cut = value.LastIndexOf(' ', MaxSentence);
            value = value[..(cut > 0 ? cut : MaxSentence)].TrimEnd(',', ';', ':') + " …";
        }

        value = char.ToUpper(value[0], CultureInfo.InvariantCulture) + value[1..];
        return value.EndsWith('.') || value.EndsWith('…') || value.EndsWith('?') ? value : value + ".";
    }

    /// <summary>True for the pack's statements that Sinergi lacks a fact ("… belum tersedia bagi Sinergi").</summary>
    public static bool StatesAbsence(string sentence) => Absence().IsMatch(sentence);

    /// <summary>True for a unit that starts a list item ("a. …", "1. …").</summary>
    public static bool IsListItem(string unit) => ItemMarker().IsMatch(unit.TrimStart());

    /// <summary>True for a lead-in that a list follows ("… meliputi:").</summary>
    public static bool IsLeadIn(string unit) => unit.TrimEnd().EndsWith(':');

    // "Rp800.000.000,00" → "Rp800 juta"; "Rp1.500.000.000,00" → "Rp1,5 miliar".
    private static string Money(string digits)
    {
        var value = decimal.Parse(digits.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return value switch
        {
            >= 1_000_000_000_000m => $"Rp{Short(value / 1_000_000_000_000m)} triliun",
            >= 1_000_000_000m => $"Rp{Short(value / 1_000_000_000m)} miliar",
            >= 1_000_000m => $"Rp{Short(value / 1_000_000m)} juta",
            _ => "Rp" + digits,
        };
    }

    private static string Short(decimal value) =>
        value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    // "(1) ", "a. ", "1. " at the start of a unit.
    [GeneratedRegex(@"^(\(\d+[a-z]?\)\s*)?([a-z]\.\s+|\d{1,2}\.\s+)?")]
    private static partial Regex UnitMarker();

    [GeneratedRegex(@"^([a-z]|\d{1,2})\.\s")]
    private static partial Regex ItemMarker();

    // ", sebagaimana dimaksud dalam Pasal 55 ayat (1) huruf a dan huruf b," and the like.
    [GeneratedRegex(@",?\s*(yang\s+)?sebagaimana\s+dimaksud\s+(dalam|pada)\s+((Pasal\s+\d+[A-Z]?|ayat\s*\(\d+[a-z]?\)|huruf\s+[a-z]|angka\s+\d+|Undang-Undang ini|Peraturan Pemerintah ini)(\s*,\s*|\s+dan\s+|\s+atau\s+|\s+sampai\s+dengan\s+|\s+)?)+,?", RegexOptions.IgnoreCase)]
    private static partial Regex CrossReference();

    // "4 (empat) tahun", "2 x 24 (dua kali dua puluh empat) jam", "1/3 (sepertiga)".
    [GeneratedRegex(@"(\d+(?:\s*x\s*\d+)?|\d+/\d+)\s+\((?:[a-z]+\s*)+\)")]
    private static partial Regex SpelledNumber();

    // "Rp800.000.000,00 (delapan ratus juta rupiah)"; the words in brackets go with the amount.
    [GeneratedRegex(@"Rp\s?(\d{1,3}(?:\.\d{3})+)(?:,00)?(?:\s*\((?:[a-z]+\s*)+\))?")]
    private static partial Regex Rupiah();

    [GeneratedRegex(@"(;\s*(dan|atau|dan/atau)?|,\s*(dan|atau))\s*$")]
    private static partial Regex TrailingJoiner();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+([,.;:])")]
    private static partial Regex SpaceBeforePunctuation();

    // How the pack words what Sinergi does not hold (our own pack text, not user input).
    [GeneratedRegex(@"\bbelum (tersedia|ditemukan|terverifikasi|sepakat)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Absence();
}
