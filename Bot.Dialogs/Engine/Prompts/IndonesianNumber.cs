using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Dialogs.Engine.Prompts;

/// <summary>
/// Reads numbers as Indonesians write them: "1.500" (dot groups thousands), "2,5" (comma is the decimal mark),
/// "15 orang" (a unit after the number), "Rp 25 juta", "1,5 jt". English writing ("1,500", "2.5") when the
/// locale is English.
/// </summary>
internal static partial class IndonesianNumber
{
    private const int MaxLength = 80;

    private static readonly Dictionary<string, decimal> Multipliers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ribu"] = 1_000m, ["rb"] = 1_000m, ["k"] = 1_000m, ["thousand"] = 1_000m,
        ["juta"] = 1_000_000m, ["jt"] = 1_000_000m, ["million"] = 1_000_000m,
        ["miliar"] = 1_000_000_000m, ["milyar"] = 1_000_000_000m, ["billion"] = 1_000_000_000m,
    };

    public static bool TryParse(string? text, bool english, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }

        var match = NumberPattern().Match(text.Trim());
        if (!match.Success || !TryParseDigits(match.Groups["num"].Value, english, out value))
        {
            return false;
        }

        if (match.Groups["mult"].Success && Multipliers.TryGetValue(match.Groups["mult"].Value, out var multiplier))
        {
            value *= multiplier;
        }

        if (match.Groups["sign"].Value == "-")
        {
            value = -value;
        }

        return true;
    }

    /// <summary>The unit written after a number ("15 orang" → "orang"), or null.</summary>
    public static string? UnitOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return null;
        }

        var unit = NumberPattern().Match(text.Trim()).Groups["unit"];
        return unit.Success && unit.Value.Trim().Length > 0 ? unit.Value.Trim() : null;
    }

    private static bool TryParseDigits(string digits, bool english, out decimal value)
    {
        var (group, decimalMark) = english ? (',', '.') : ('.', ',');
        var lastDot = digits.LastIndexOf('.');
        var lastComma = digits.LastIndexOf(',');
        string normalized;
        if (lastDot >= 0 && lastComma >= 0)
        {
            // Both marks: the one that comes last separates the decimals, whatever the locale.
            var decimalChar = lastDot > lastComma ? '.' : ',';
            var groupChar = decimalChar == '.' ? ',' : '.';
            normalized = digits.Replace(groupChar.ToString(), string.Empty, StringComparison.Ordinal).Replace(decimalChar, '.');
        }
        else if (digits.Contains(group, StringComparison.Ordinal) && IsGrouped(digits, group))
        {
            normalized = digits.Replace(group.ToString(), string.Empty, StringComparison.Ordinal);
        }
        else
        {
            // A single mark that does not group thousands is a decimal mark ("2,5", and "2.5" typed the English way).
            var marks = digits.Count(c => c is '.' or ',');
            normalized = marks <= 1 ? digits.Replace(',', '.').Replace(decimalMark, '.') : string.Empty;
        }

        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsGrouped(string digits, char group)
    {
        var parts = digits.Split(group);
        return parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }

    // Optional "Rp", a number, an optional multiplier word, then optionally a unit ("orang", "%", "kegiatan").
    [GeneratedRegex(@"^(?:(?:rp|idr)\.?\s*)?(?<sign>[-+])?(?<num>\d[\d.,]*)(?:,-)?\s*(?:(?<mult>ribu|rb|k|thousand|juta|jt|million|miliar|milyar|billion)\b)?\.?\s*(?<unit>%|[\p{L}][\p{L}\s./-]*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NumberPattern();
}
