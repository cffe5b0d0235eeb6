using Bot.Knowledge.Language;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// The text retrieval compares: the <see cref="TextNormalizer">normalised</see> message, English words in the
/// Indonesian the sources use (the data file <c>english-id.tsv</c>), with the narcotics classes
/// joined to their numeral as the analyzer joins them in the statutes ("golongan 3", "golongan tiga", "class III" →
/// "golongan golongan3", see <see cref="ClassNumeralFilter"/>), and the kind of
/// answer a question asks for (when, who, how much, how, where, may) as extra features for nearest-question
/// matching, so "kapan dimusnahkan" and "dengan cara apa dimusnahkan" do not look alike. An English word the list
/// lacks is looked up once more without its inflection ("cultivates", "purchasing", "checked", "lawfully"), so the
/// list needs one line per word family, not per form.
/// </summary>
internal static class RetrievalText
{
    private static readonly Dictionary<string, string> AskedFor = new(StringComparer.Ordinal)
    {
        ["kapan"] = "?when", ["when"] = "?when", ["tanggal"] = "?when",
        ["siapa"] = "?who", ["who"] = "?who", ["whom"] = "?who",
        ["berapa"] = "?much", ["lama"] = "?much", ["much"] = "?much", ["many"] = "?much", ["long"] = "?much",
        ["bagaimana"] = "?how", ["cara"] = "?how", ["how"] = "?how", ["prosedur"] = "?how",
        ["mana"] = "?where", ["where"] = "?where", ["tempat"] = "?where",
        ["boleh"] = "?may", ["bolehkah"] = "?may", ["can"] = "?may", ["may"] = "?may", ["allowed"] = "?may",
    };

    /// <summary>English inflections tried in order when a word is not in the list: suffix, what replaces it.</summary>
    private static readonly (string Suffix, string Base)[] Inflections =
    [
        ("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("s", ""), ("es", ""),
        ("ly", ""), ("ations", "ate"), ("ation", "ate"),
    ];

    /// <summary>Changes when the rules below change, so the index (which stores normalised bank questions) is rebuilt.</summary>
    private const string RulesVersion = "inflections-1/classes-1";

    private static readonly Lazy<ColloquialLexicon> English = new(LoadEnglish);

    private static readonly Lazy<string> Version = new(ComputeVersion);

    /// <summary>
    /// SHA-256 of the word lists behind <see cref="Normalize"/> (the colloquial lexicon and the English vocabulary):
    /// the index stores the bank's questions normalised, so it is rebuilt when either list changes.
    /// </summary>
    public static string Fingerprint => Version.Value;

    /// <summary>The normalised text, English words in their Indonesian form (english-id.tsv), classes as the statutes write them.</summary>
    public static string Normalize(string? text)
    {
        var english = English.Value;
        var words = new List<string>();
        foreach (var token in TextNormalizer.Tokens(text))
        {
            // The class's numeral is read before the English list, where "i" is the pronoun.
            if (words.Count > 0 && words[^1] == "golongan" && ClassNumber(token) is { } number)
            {
                words.Add(ClassNumeralFilter.Term(number));
                continue;
            }

            words.Add(english.Standard(token) ?? Uninflected(english, token) ?? token);
        }

        return string.Join(' ', words);
    }

    /// <summary>The question-kind markers of a normalised text ("?when", "?who", …), once each.</summary>
    public static IEnumerable<string> Asks(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => AskedFor.GetValueOrDefault(w))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The Indonesian of an inflected English word whose base form is in the list ("regulating" → "regulate",
    /// "stopped" → "stop"); null for anything else. Words under five letters are left alone, and only a base the
    /// list holds counts, so Indonesian words ("kucing", "tugas") are never read as English.
    /// </summary>
    private static string? Uninflected(ColloquialLexicon english, string word)
    {
        if (word.Length < 5)
        {
            return null;
        }

        foreach (var (suffix, replacement) in Inflections)
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal) || word.Length - suffix.Length < 3)
            {
                continue;
            }

            var stem = word[..^suffix.Length];
            if (english.Standard(stem + replacement) is { } standard)
            {
                return standard;
            }

            // A doubled final consonant before -ing or -ed: "stopped" → "stop".
            if (replacement.Length == 0 && suffix is "ing" or "ed" && stem.Length >= 4 && stem[^1] == stem[^2]
                && english.Standard(stem[..^1]) is { } single)
            {
                return single;
            }
        }

        return null;
    }

    private static string ComputeVersion()
    {
        var assembly = typeof(RetrievalText).Assembly;
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".tsv", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            hash.AppendData(memory.ToArray());
        }

        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(RulesVersion));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static ColloquialLexicon LoadEnglish()
    {
        var assembly = typeof(RetrievalText).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Retrieval.english-id.tsv", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded vocabulary {name} is missing.");
        using var reader = new StreamReader(stream);
        return ColloquialLexicon.Parse(reader);
    }

    private static char? ClassNumber(string word) => word switch
    {
        "one" or "first" => '1',
        "two" or "second" => '2',
        "three" or "third" => '3',
        _ => ClassNumeralFilter.Number(word),
    };
}
