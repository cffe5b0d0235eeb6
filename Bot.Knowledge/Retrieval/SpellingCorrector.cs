namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Typos against the sources' own vocabulary: a word of the question that no passage or bank question uses is
/// replaced by the most frequent known word within a small edit distance (one edit for words of five or six
/// letters, two for longer ones; transpositions count as one edit), keeping its first letter. "rehabilitsi" →
/// "rehabilitasi", "pecndu" → "pecandu". Numbers, short words and words already known are left alone.
/// </summary>
internal sealed class SpellingCorrector
{
    private const int MinLength = 5;
    private const int TwoEditsFrom = 7;

    private readonly Dictionary<string, int> _counts;
    private readonly Dictionary<char, List<string>> _byFirstLetter;
    private readonly HashSet<string> _stems;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _corrected = new(StringComparer.Ordinal);

    public SpellingCorrector(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            _counts[word] = _counts.GetValueOrDefault(word) + 1;
        }

        _byFirstLetter = _counts.Keys.Where(w => w.Length >= MinLength - 1 && char.IsLetter(w[0]))
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.ToList());
        _stems = _counts.Keys.SelectMany(TextAnalysis.Stems).ToHashSet(StringComparer.Ordinal);
    }

    public bool Knows(string word) => _counts.ContainsKey(word);

    /// <summary>The text with each unknown word corrected when a close known word exists.</summary>
    public string Correct(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = _corrected.GetOrAdd(words[i], CorrectWord);
        }

        return string.Join(' ', words);
    }

    /// <summary>A word of the language rather than a typo: stop words, and words built on a stem the sources use.</summary>
    public bool IsValid(string word) =>
        _counts.ContainsKey(word) || TextAnalysis.Stems(word).All(_stems.Contains) || Roots(word).Any(r => _counts.ContainsKey(r) || _stems.Contains(r));

    private static readonly string[] Prefixes = ["", "di", "ke", "se", "ter", "ber", "be", "me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng", "peny", "per"];
    private static readonly string[] Suffixes = ["", "kan", "an", "i", "nya", "lah", "kah", "pun", "kannya", "annya", "inya"];

    /// <summary>What is left of the word once one prefix and one suffix are taken off (at least three letters).</summary>
    private static IEnumerable<string> Roots(string word)
    {
        foreach (var prefix in Prefixes)
        {
            if (!word.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var suffix in Suffixes)
            {
                var length = word.Length - prefix.Length - suffix.Length;
                if ((prefix.Length > 0 || suffix.Length > 0) && length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                {
                    yield return word.Substring(prefix.Length, length);
                }
            }
        }
    }

    private string CorrectWord(string word)
    {
        if (word.Length < MinLength || !word.All(char.IsLetter) || IsValid(word)
            || !_byFirstLetter.TryGetValue(word[0], out var candidates))
        {
            return word;
        }

        var allowed = word.Length >= TwoEditsFrom ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestCount = 0;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(word, candidate, allowed);
            var count = _counts[candidate];
            if (distance <= allowed && (distance < bestDistance || (distance == bestDistance && count > bestCount)))
            {
                (best, bestDistance, bestCount) = (candidate, distance, count);
            }
        }

        return best ?? word;
    }

    /// <summary>Optimal string alignment distance, abandoned once it exceeds <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
