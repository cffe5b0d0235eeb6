using System.Globalization;
using System.Text;

namespace Bot.Dialogs.Engine.Prompts;

/// <summary>
/// Finds the option a user meant: its number, its title or value or a synonym, a unique prefix or substring
/// ("rehab"), or a close spelling ("pencegahn"). Ambiguous answers are not guessed.
/// </summary>
internal static class ChoiceRecognizer
{
    private const int MaxLength = 200;

    public static int? Recognize(string text, IReadOnlyList<PromptChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (text.Length > MaxLength)
        {
            return null;
        }

        var input = Normalize(text);
        if (input.Length == 0)
        {
            return null;
        }

        // A number picks by position; a number that is no position may still be an option's name (a year: "2026").
        if (int.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
        {
            return number - 1;
        }

        var names = choices.Select(c => Names(c).ToList()).ToList();
        return Unique(names, n => n == input)
            ?? (input.Length >= 3 ? Unique(names, n => n.StartsWith(input, StringComparison.Ordinal)) : null)
            ?? (input.Length >= 4 ? Unique(names, n => n.Contains(input, StringComparison.Ordinal) || Contains(input, n)) : null)
            ?? (input.Length >= 5 ? Unique(names, n => Distance(n, input) <= Math.Max(1, n.Length / 6)) : null);
    }

    /// <summary>Lower case, letters and digits only, single spaces.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '/' or '.' or ',') && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// Whether the answer mentions the name: anywhere for names of four letters or more, as a whole word for shorter
    /// ones, so that the synonym "n" (no) is not found inside "mungkin".
    /// </summary>
    private static bool Contains(string input, string name) =>
        name.Length >= 4
            ? input.Contains(name, StringComparison.Ordinal)
            : (" " + input + " ").Contains(" " + name + " ", StringComparison.Ordinal);

    private static IEnumerable<string> Names(PromptChoice choice) =>
        new[] { choice.Title, choice.Value }.Concat(choice.Synonyms).Select(Normalize).Where(n => n.Length > 0);

    private static int? Unique(List<List<string>> names, Func<string, bool> matches)
    {
        var hits = names.Select((n, i) => (i, hit: n.Any(matches))).Where(x => x.hit).ToList();
        return hits.Count == 1 ? hits[0].i : null;
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
