using System.Collections.Frozen;

namespace Bot.Knowledge.Language;

/// <summary>
/// Informal Indonesian as people write it in chat (yg, gmn, sy, blm, nyabu…) mapped to the standard form. The
/// words are data, reviewed like code, in the embedded file <c>colloquial-id.tsv</c> next to this class.
/// </summary>
public sealed class ColloquialLexicon
{
    private const string ResourceSuffix = ".Language.colloquial-id.tsv";

    private static readonly Lazy<ColloquialLexicon> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, string> _standard;

    private ColloquialLexicon(FrozenDictionary<string, string> standard) => _standard = standard;

    /// <summary>The lexicon shipped with the assembly.</summary>
    public static ColloquialLexicon Default => Embedded.Value;

    /// <summary>How many informal forms the lexicon knows.</summary>
    public int Count => _standard.Count;

    /// <summary>The standard form of an informal word (lower case), or null when the word is not in the lexicon.</summary>
    public string? Standard(string word) => _standard.GetValueOrDefault(word);

    /// <summary>Reads <c>informal&lt;TAB&gt;standard</c> lines; blank lines and lines starting with '#' are skipped.</summary>
    public static ColloquialLexicon Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0 || parts[0].Contains(' ', StringComparison.Ordinal))
            {
                throw new FormatException($"Lexicon line {lineNumber} is not 'one informal word<TAB>standard form': '{line}'.");
            }

            entries[parts[0].ToLowerInvariant()] = parts[1].ToLowerInvariant();
        }

        return new ColloquialLexicon(entries.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static ColloquialLexicon LoadEmbedded()
    {
        var assembly = typeof(ColloquialLexicon).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded lexicon {name} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
