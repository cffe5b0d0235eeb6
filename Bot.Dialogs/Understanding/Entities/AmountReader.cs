using System.Text.RegularExpressions;
using Bot.Dialogs.Engine.Prompts;

namespace Bot.Dialogs.Understanding.Entities;

/// <summary>An amount written in the message ("80%", "Rp 25 juta", "1.500 orang"), read by the forms' own number parser.</summary>
internal static partial class AmountReader
{
    public static EntityMention? Find(string text, IReadOnlyList<EntityMention> taken, bool english)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            if (taken.Any(m => match.Index < m.Start + m.Length && m.Start < match.Index + match.Length))
            {
                continue;
            }

            var value = match.Value.Replace("persen", "%", StringComparison.OrdinalIgnoreCase);
            if (IndonesianNumber.TryParse(value, english, out var amount))
            {
                return new EntityMention(EntityNames.Amount, amount.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Index, match.Length);
            }
        }

        return null;
    }

    // A number with a percent sign, a currency or a scale word, or followed by a unit word.
    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?:rp|idr)\.?\s*\d[\d.,]*(?:\s*(?:ribu|rb|juta|jt|miliar|milyar))?|\d[\d.,]*\s*(?:%|persen)|\d[\d.,]*\s*(?:ribu|rb|juta|jt|miliar|milyar)\b|\d[\d.,]*\s+(?:orang|peserta|siswa|kegiatan|kali|unit|desa|sekolah|people|participants))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Candidate();
}
