using System.Text.RegularExpressions;

namespace Bot.Knowledge.Answering;

/// <summary>Splits passages into answerable units (sentences, ayat, list items) and shortens excerpts.</summary>
internal static partial class Excerpts
{
    private const int MaxExcerpt = 280;

    /// <summary>Units in order: one per line (an ayat or list item), lines of prose split into sentences.</summary>
    public static List<string> Units(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(line => SentenceEnd().Split(line))
            .Select(s => s.Trim())
            .Where(s => s.Length > 1)
            .ToList();

    /// <summary>The first unit, cut to a readable length.</summary>
    public static string Lead(string text) => Shorten(Units(text).FirstOrDefault() ?? text);

    public static string Shorten(string text) =>
        text.Length <= MaxExcerpt ? text : text[..text.LastIndexOf(' ', MaxExcerpt)] + " …";

    // A sentence ends with . ! or ? followed by a capital, a quote or a bracket; "Rp1 juta." mid-list stays.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}""“(])")]
    private static partial Regex SentenceEnd();
}
