using System.Globalization;
using System.Text;

namespace Bot.Knowledge.Language;

/// <summary>
/// Brings a chat message to one canonical spelling before it is classified or searched, so that "Gmn cr
/// daftar RA2026001??" and "bagaimana cara daftar ra 2026001" look alike: lower case, accents folded, punctuation
/// to spaces, letters and digits of longer tokens split, letters typed three or more times in a row collapsed
/// ("tolooong"), and informal words replaced through the <see cref="ColloquialLexicon"/>.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Tokens up to this length keep letters and digits together ("b6", "b12").</summary>
    private const int ShortCodeLength = 3;

    /// <summary>The normalised text: standard words separated by single spaces.</summary>
    public static string Normalize(string? text) => Normalize(text, ColloquialLexicon.Default);

    /// <summary>The normalised text, through the given lexicon.</summary>
    public static string Normalize(string? text, ColloquialLexicon lexicon) => string.Join(' ', Tokens(text, lexicon));

    /// <summary>The normalised words of the text.</summary>
    public static IReadOnlyList<string> Tokens(string? text) => Tokens(text, ColloquialLexicon.Default);

    /// <summary>The normalised words of the text, through the given lexicon.</summary>
    public static IReadOnlyList<string> Tokens(string? text, ColloquialLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = new List<string>();
        foreach (var raw in FoldToWords(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var piece in Reduplicate(raw, lexicon))
            {
                var word = CollapseRepeats(piece);
                var standard = lexicon.Standard(word);
                if (standard is null)
                {
                    tokens.Add(word);
                }
                else
                {
                    tokens.AddRange(standard.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }

        return tokens;
    }

    /// <summary>Lower case without accents; every character that is not a letter or a digit becomes a space.</summary>
    private static string FoldToWords(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Chat writes a repeated word with the digit 2 ("kejang2", "obat2an", "anak2nya"): such a token becomes the word
    /// twice ("kejang kejang", "obat obatan"). A whole token the lexicon knows ("sabu2") is looked up first; any
    /// other token goes on to the letter/digit split.
    /// </summary>
    private static IEnumerable<string> Reduplicate(string token, ColloquialLexicon lexicon)
    {
        if (lexicon.Standard(token) is not null)
        {
            return [token];
        }

        var two = token.IndexOf('2', StringComparison.Ordinal);
        if (two >= 3 && token.AsSpan(0, two).IndexOfAnyInRange('0', '9') < 0
            && token.AsSpan(two + 1).IndexOfAnyInRange('0', '9') < 0 && token.Length - two - 1 <= 3)
        {
            var word = token[..two];
            return [word, word + token[(two + 1)..]];
        }

        return SplitLettersAndDigits(token);
    }

    /// <summary>"ra2026001" → "ra", "2026001"; "2hari" → "2", "hari"; short codes such as "b6" stay whole.</summary>
    private static IEnumerable<string> SplitLettersAndDigits(string token)
    {
        if (token.Length <= ShortCodeLength)
        {
            yield return token;
            yield break;
        }

        var start = 0;
        for (var i = 1; i < token.Length; i++)
        {
            if (char.IsDigit(token[i]) != char.IsDigit(token[i - 1]))
            {
                yield return token[start..i];
                start = i;
            }
        }

        yield return token[start..];
    }

    /// <summary>A letter typed three or more times in a row counts once ("bangeeet" → "banget"); digits are kept.</summary>
    private static string CollapseRepeats(string word)
    {
        if (word.Length < 3)
        {
            return word;
        }

        var builder = new StringBuilder(word.Length);
        var i = 0;
        while (i < word.Length)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i])
            {
                run++;
            }

            builder.Append(word[i], run >= 3 && char.IsLetter(word[i]) ? 1 : run);
            i += run;
        }

        return builder.ToString();
    }
}
