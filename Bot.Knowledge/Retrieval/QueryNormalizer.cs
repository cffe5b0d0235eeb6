using System.Text.RegularExpressions;

namespace Bot.Knowledge.Retrieval;

/// <summary>Turns a chat question into concepts: slang replaced, fillers dropped, synonyms attached.</summary>
internal static partial class QueryNormalizer
{
    /// <summary>"Apa itu …", "what is …": the question asks for a definition.</summary>
    public static bool AsksForDefinition(string question) => Definitional().IsMatch(question);

    public static ParsedQuery Parse(string question)
    {
        var definitional = Definitional().IsMatch(question);
        var words = new List<string>();
        foreach (Match m in Word().Matches(question.ToLowerInvariant()))
        {
            var word = m.Value.Trim('-', '/');
            if (word.Length == 0)
            {
                continue;
            }

            words.AddRange(Lexicon.Slang.TryGetValue(word, out var replaced) ? replaced.Split(' ') : [word]);
        }

        var concepts = new List<QueryConcept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && Lexicon.Synonyms.TryGetValue(words[i] + " " + words[i + 1], out var phraseSynonyms))
            {
                Add(concepts, seen, words[i] + " " + words[i + 1], phraseSynonyms);
                i++;
                continue;
            }

            if (Lexicon.Fillers.Contains(words[i]))
            {
                continue;
            }

            Add(concepts, seen, words[i], Lexicon.Synonyms.GetValueOrDefault(words[i]));
        }

        return new ParsedQuery(string.Join(' ', words), concepts) { AsksForDefinition = definitional };
    }

    private static void Add(List<QueryConcept> concepts, HashSet<string> seen, string word, string? synonyms)
    {
        var primary = TextAnalysis.Stems(word).Where(seen.Add).ToList();
        if (primary.Count == 0 && synonyms is not null)
        {
            // "di mana" is all stop words, but it asks for a place: the synonym stands in for it.
            (primary, synonyms) = (TextAnalysis.Stems(synonyms).Where(seen.Add).ToList(), null);
        }

        if (primary.Count == 0)
        {
            return;
        }

        var alternatives = synonyms is null
            ? []
            : TextAnalysis.Stems(synonyms).Where(s => !primary.Contains(s)).Distinct().ToList();
        concepts.Add(new QueryConcept(word, primary, alternatives));
    }

    [GeneratedRegex(@"\b(apa itu|apa yang dimaksud|dimaksud dengan|pengertian|definisi|arti(nya)?|maksud(nya)?|singkatan|beda(nya)?|perbedaan|disebut|what is|what does|meaning|definition)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Definitional();

    // Words, numbers and keys like "35/2009" or "sabu-sabu".
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
