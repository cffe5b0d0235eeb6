using System.Collections.Frozen;

namespace Bot.Knowledge.Language;

/// <summary>
/// The names of drugs and other misused substances (the embedded data file <c>substances.tsv</c>, read through the
/// <see cref="TextNormalizer"/>), and a text with every such name marked by the one word <see cref="Generic"/>. The
/// safety screen and the domain model learn from the bank through this reading, so that a request about a drug the
/// bank never names ("how much ketamine is safe", "cara menanam jamur psilocybin") looks like the requests about
/// the drugs it does name ("berapa dosis sabu yang aman", "cara menanam ganja").
/// </summary>
public sealed class SubstanceNames
{
    /// <summary>The word every substance name becomes.</summary>
    public const string Generic = "narkoba";

    private const string ResourceSuffix = ".Language.substances.tsv";

    private static readonly Lazy<SubstanceNames> Embedded = new(LoadEmbedded);

    /// <summary>Each name as its normalised words, longest names first so that a phrase wins over its first word.</summary>
    private readonly FrozenDictionary<string, string[][]> _byFirstWord;

    private SubstanceNames(IEnumerable<string[]> names) =>
        _byFirstWord = names
            .GroupBy(n => n[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(n => n.Length).ToArray(), StringComparer.Ordinal);

    /// <summary>The list shipped with the assembly.</summary>
    public static SubstanceNames Default => Embedded.Value;

    /// <summary>How many names the list knows.</summary>
    public int Count => _byFirstWord.Values.Sum(v => v.Length);

    /// <summary>
    /// The normalised text with <see cref="Generic"/> before every substance name: the name stays (what the bank says
    /// of that drug in particular still counts), and its neighbours pair with the generic word too ("dosis narkoba").
    /// </summary>
    public string Generalize(string? text)
    {
        var tokens = TextNormalizer.Tokens(text);
        var words = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            var name = NameAt(tokens, i);
            if (name is null)
            {
                words.Add(tokens[i++]);
                continue;
            }

            words.Add(Generic);
            words.AddRange(name);
            i += name.Length;
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// The substance a message names when it is nothing but names and the words of "what is it" ("sabu",
    /// "apa itu sabu", "ganja tu apaan sih", "what is ecstasy", "arti kata putaw"), or null: a question about the
    /// topic, not a request. Any other word (a verb, "beli", "dosis", "cara") makes it no topic.
    /// </summary>
    public string? Topic(string? text)
    {
        var tokens = TextNormalizer.Tokens(text);
        var names = new List<string>();
        var (framed, asked) = (false, false);
        for (var i = 0; i < tokens.Count;)
        {
            if (NameAt(tokens, i) is { } name)
            {
                names.Add(string.Join(' ', name));
                i += name.Length;
            }
            else if (tokens[i] is Generic or "narkotika" || WhatIsWords.Contains(tokens[i]))
            {
                framed |= WhatIsWords.Contains(tokens[i]);
                asked |= AskingWords.Contains(tokens[i]);
                i++;
            }
            else
            {
                return null;
            }
        }

        // Frame words alone ("apa itu") are no topic, and neither are frame words without one that asks ("sabu ya").
        return names.Count == 0 || (framed && !asked) ? null : string.Join(' ', names);
    }

    /// <summary>The words that ask what something is, in either language (after normalisation).</summary>
    private static readonly FrozenSet<string> AskingWords = FrozenSet.ToFrozenSet(
        ["apa", "apaan", "arti", "artinya", "maksud", "maksudnya", "pengertian", "definisi", "what", "whats", "meaning", "mean", "means", "definition", "define"],
        StringComparer.Ordinal);

    /// <summary>The asking words and the little words around them ("itu", "sih", "yang dimaksud", "is a").</summary>
    private static readonly FrozenSet<string> WhatIsWords = FrozenSet.ToFrozenSet(
        AskingWords.Concat(["itu", "tu", "tuh", "sih", "ya", "yang", "dimaksud", "adalah", "sebenarnya", "kata", "dari", "dengan", "is", "are", "a", "an", "the", "of", "by", "does", "exactly"]),
        StringComparer.Ordinal);

    /// <summary>Reads one name a line; blank lines and lines starting with '#' are skipped.</summary>
    public static SubstanceNames Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var names = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var words = TextNormalizer.Tokens(line).ToArray();
            if (words.Length > 0)
            {
                names.Add(words);
            }
        }

        return new SubstanceNames(names.DistinctBy(n => string.Join(' ', n), StringComparer.Ordinal));
    }

    /// <summary>The longest name that starts at <paramref name="start"/>, or null.</summary>
    private string[]? NameAt(IReadOnlyList<string> tokens, int start) =>
        _byFirstWord.TryGetValue(tokens[start], out var candidates)
            ? candidates.FirstOrDefault(c => StartsAt(tokens, start, c))
            : null;

    /// <summary>Whether the name's words follow one another in the tokens from <paramref name="start"/> on.</summary>
    private static bool StartsAt(IReadOnlyList<string> tokens, int start, string[] name)
    {
        if (start + name.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < name.Length; k++)
        {
            if (!string.Equals(tokens[start + k], name[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static SubstanceNames LoadEmbedded()
    {
        var assembly = typeof(SubstanceNames).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded substance list {name} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
