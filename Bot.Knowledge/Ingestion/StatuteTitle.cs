using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Recognises an Indonesian regulation from its opening words ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 35
/// TAHUN 2009 TENTANG NARKOTIKA") and derives the citation key ("UU 35/2009") and a readable title.
/// </summary>
internal sealed partial record StatuteTitle(string Key, string Title)
{
    // Longest names first, so "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG" wins over "UNDANG-UNDANG".
    private static readonly (string Name, string Short, string Long)[] Kinds =
    [
        ("PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG", "Perpu", "Peraturan Pemerintah Pengganti Undang-Undang"),
        ("PERATURAN MENTERI DALAM NEGERI", "Permendagri", "Peraturan Menteri Dalam Negeri"),
        ("PERATURAN MENTERI KESEHATAN", "Permenkes", "Peraturan Menteri Kesehatan"),
        ("PERATURAN MENTERI SOSIAL", "Permensos", "Peraturan Menteri Sosial"),
        ("PERATURAN BADAN NARKOTIKA NASIONAL", "Peraturan BNN", "Peraturan Badan Narkotika Nasional"),
        ("PERATURAN KEPALA BADAN NARKOTIKA NASIONAL", "Perka BNN", "Peraturan Kepala Badan Narkotika Nasional"),
        ("PERATURAN PEMERINTAH", "PP", "Peraturan Pemerintah"),
        ("PERATURAN PRESIDEN", "Perpres", "Peraturan Presiden"),
        ("INSTRUKSI PRESIDEN", "Inpres", "Instruksi Presiden"),
        ("PERATURAN DAERAH", "Perda", "Peraturan Daerah"),
        ("UNDANG-UNDANG", "UU", "Undang-Undang"),
    ];

    private static readonly HashSet<string> LowerWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "dan", "atau", "tentang", "di", "ke", "dari", "yang", "untuk", "pada", "dalam", "serta", "bagi",
    };

    /// <summary>Reads the title from the document's first lines, or returns null when it names no regulation.</summary>
    public static StatuteTitle? Parse(string openingText)
    {
        var text = Whitespace().Replace(openingText.ToUpperInvariant(), " ");
        var number = NumberAndYear().Match(text);
        if (!number.Success)
        {
            return null;
        }

        var before = text[..number.Index];
        var kind = Kinds.FirstOrDefault(k => before.Contains(k.Name, StringComparison.Ordinal));
        if (kind.Name is null)
        {
            return null;
        }

        var subject = ToTitleCase(number.Groups["subject"].Value.Trim().TrimEnd('.'));
        var no = number.Groups["no"].Value;
        var year = number.Groups["year"].Value;
        return new StatuteTitle(
            $"{kind.Short} {no}/{year}",
            $"{kind.Long} Nomor {no} Tahun {year} tentang {subject}");
    }

    private static string ToTitleCase(string upper)
    {
        var words = upper.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select((w, i) => i > 0 && LowerWords.Contains(w)
            ? w.ToLowerInvariant()
            : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.ToLowerInvariant())));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // The subject ends at the first structural word after it (the preamble follows the title).
    [GeneratedRegex(@"NOMOR\s+(?<no>\d+[A-Z]?)\s+TAHUN\s+(?<year>\d{4})(?:\s+\k<year>)*\s+TENTANG\s+(?<subject>.+?)(?=\s+(DENGAN RAHMAT|MENIMBANG|PRESIDEN REPUBLIK|BUPATI|GUBERNUR|MENTERI|WALI ?KOTA|KEPALA BADAN)\b|$)")]
    private static partial Regex NumberAndYear();
}
