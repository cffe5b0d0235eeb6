using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding.Entities;

/// <summary>
/// Finds which existing OPD a message names, however loosely: the short name or the full name, a typo in either
/// ("dinkse"), the telling words of the name ("pendidikan", "dinas pendidikan" for Dinas Pendidikan dan
/// Kebudayaan), a longer or shorter short name ("Disdikbud", "disdik", "kominfo"), or an abbreviation built from
/// the name's letters in order ("dishub" for Dinas Perhubungan). Words shared by many OPDs ("dinas", "badan")
/// count little, and words the examples use as ordinary words ("berapa", "undangan") never match loosely. Built
/// once per list of OPDs; a message is matched in a few microseconds.
/// </summary>
public sealed class OrganisationMatcher
{
    /// <summary>Below this score a candidate is not taken as meant.</summary>
    public const double MinScore = 0.6;

    private const double Tolerance = 0.01;

    private readonly List<Entry> _entries;
    private readonly Dictionary<string, int> _frequency;
    private readonly Dictionary<string, double> _weights;
    private readonly Dictionary<string, Entry> _byCompact = new(StringComparer.Ordinal);
    private readonly int _maxSpanWords;
    private readonly double _unknownWeight;

    public OrganisationMatcher(IReadOnlyList<KnownOrganisation> organisations)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        Organisations = organisations;
        _entries = organisations.Select(o => new Entry(o, [.. TextNormalizer.Tokens(o.Name)], string.Concat(TextNormalizer.Tokens(o.ShortName)))).ToList();

        // Inverse document frequency of the name words over the OPDs: "dinas" tells little, "pendidikan" a lot.
        _frequency = _entries.SelectMany(e => e.Words.Distinct(StringComparer.Ordinal)).GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _weights = _frequency.ToDictionary(p => p.Key, p => Math.Log(1.0 + (_entries.Count + 1.0) / p.Value), StringComparer.Ordinal);
        _unknownWeight = Math.Log(1.0 + (_entries.Count + 1.0));
        foreach (var entry in _entries)
        {
            entry.NameWeight = entry.Words.Sum(Weight);
            entry.Telling = entry.Words.Select(w => _frequency[w] <= 2).ToArray();
            foreach (var compact in new[] { entry.ShortCompact, entry.NameCompact }.Where(c => c.Length > 0))
            {
                // Two OPDs with the same spelling are ambiguous: neither is taken on it.
                _byCompact[compact] = _byCompact.TryGetValue(compact, out var other) && other != entry ? Entry.Ambiguous : entry;
            }
        }

        _maxSpanWords = _entries.Count == 0 ? 0 : Math.Max(3, _entries.Max(e => e.Words.Length) + 1);
    }

    public IReadOnlyList<KnownOrganisation> Organisations { get; }

    public static OrganisationMatcher Empty { get; } = new([]);

    /// <summary>The best-matching OPD named in the message, or null when none scores at least <see cref="MinScore"/> or two tie.</summary>
    public OrganisationMatch? Find(string text, ArgumentVocabulary? vocabulary = null) =>
        Find(MessageToken.Split(text), text, vocabulary ?? ArgumentVocabulary.Default);

    internal OrganisationMatch? Find(IReadOnlyList<MessageToken> tokens, string text, ArgumentVocabulary vocabulary)
    {
        if (_entries.Count == 0 || tokens.Count == 0)
        {
            return null;
        }

        // The message's words, each remembering the token it came from.
        var words = new List<(string Word, int Token, bool Ordinary)>();
        for (var t = 0; t < tokens.Count; t++)
        {
            words.AddRange(tokens[t].Words.Select(w => (w, t, vocabulary.IsOrdinaryWord(w))));
        }

        // Which name words each message word may be, per OPD (a bit per name word).
        var sameAs = new ulong[_entries.Count, words.Count];
        for (var e = 0; e < _entries.Count; e++)
        {
            for (var i = 0; i < words.Count; i++)
            {
                sameAs[e, i] = NameWordsMatching(_entries[e], words[i].Word, words[i].Ordinary);
            }
        }

        var best = new (double Score, int First, int Last)[_entries.Count];
        var used = new ulong[_entries.Count];
        var covered = new double[_entries.Count];
        var matchedTyped = new double[_entries.Count];
        var telling = new bool[_entries.Count];
        var compact = new System.Text.StringBuilder();
        for (var first = 0; first < words.Count; first++)
        {
            Array.Clear(used);
            Array.Clear(covered);
            Array.Clear(matchedTyped);
            Array.Clear(telling);
            compact.Clear();
            var typedWeight = 0.0;
            for (var last = first; last < words.Count && last - first < _maxSpanWords; last++)
            {
                var word = words[last].Word;
                compact.Append(word);
                typedWeight += Weight(word);
                var exact = _byCompact.GetValueOrDefault(compact.ToString());
                for (var e = 0; e < _entries.Count; e++)
                {
                    var entry = _entries[e];
                    var free = sameAs[e, last] & ~used[e];
                    if (free != 0)
                    {
                        var bit = System.Numerics.BitOperations.TrailingZeroCount(free);
                        used[e] |= 1UL << bit;
                        covered[e] += Weight(entry.Words[bit]);
                        matchedTyped[e] += Weight(word);
                        telling[e] |= entry.Telling[bit];
                    }

                    var score = exact == entry ? 1.0 : 0.0;
                    if (first == last && !words[first].Ordinary)
                    {
                        score = Math.Max(score, LooseSpelling(entry, word));
                    }

                    if (telling[e] && matchedTyped[e] >= 0.8 * typedWeight)
                    {
                        // Covering the name's telling words is what counts; a name word left out costs by its weight.
                        score = Math.Max(score, 0.35 + 0.6 * Math.Sqrt(covered[e] / entry.NameWeight));
                    }

                    if (score >= MinScore && (score > best[e].Score + Tolerance || (score > best[e].Score - Tolerance && last - first > best[e].Last - best[e].First)))
                    {
                        best[e] = (score, first, last);
                    }
                }
            }
        }

        var ranked = Enumerable.Range(0, _entries.Count).Where(e => best[e].Score > 0).OrderByDescending(e => best[e].Score).Take(2).ToList();
        if (ranked.Count == 0 || (ranked.Count == 2 && best[ranked[0]].Score - best[ranked[1]].Score < Tolerance))
        {
            return null;
        }

        var (winner, found) = (_entries[ranked[0]], best[ranked[0]]);
        var typed = text[tokens[words[found.First].Token].Start..tokens[words[found.Last].Token].End];
        return new OrganisationMatch(winner.Organisation.Id, winner.Organisation.Name, winner.Organisation.ShortName, typed, found.Score);
    }

    /// <summary>A single word that is the short name spelt longer, shorter or with a slip, or an abbreviation of the name.</summary>
    private static double LooseSpelling(Entry entry, string typed)
    {
        if (typed.Length < 4)
        {
            return 0;
        }

        var score = 0.0;
        var shortName = entry.ShortCompact;
        if (shortName.Length >= 4 && (typed.Contains(shortName, StringComparison.Ordinal) || shortName.Contains(typed, StringComparison.Ordinal))
            && Math.Min(typed.Length, shortName.Length) >= 0.6 * Math.Max(typed.Length, shortName.Length))
        {
            score = 0.85;
        }

        if (shortName.Length > 0 && typed[0] == shortName[0] && Math.Abs(typed.Length - shortName.Length) <= 2)
        {
            var slips = EditDistance.Damerau(typed, shortName);
            if (slips <= (typed.Length >= 7 ? 2 : 1))
            {
                score = Math.Max(score, 0.9 - 0.1 * slips);
            }
        }

        if (score < 0.75 && entry.Words.Length >= 2 && IsAbbreviation(typed, entry))
        {
            score = 0.75;
        }

        return score;
    }

    /// <summary>The name words (as bits) a message word may stand for: the same word, or a slip in a long word.</summary>
    private static ulong NameWordsMatching(Entry entry, string word, bool ordinary)
    {
        var bits = 0UL;
        for (var i = 0; i < entry.Words.Length && i < 64; i++)
        {
            var name = entry.Words[i];
            if (name == word
                || (!ordinary && word.Length >= 5 && name.Length >= 5 && word[0] == name[0] && Math.Abs(word.Length - name.Length) <= 2
                    && EditDistance.Damerau(word, name) <= (name.Length >= 8 ? 2 : 1)))
            {
                bits |= 1UL << i;
            }
        }

        return bits;
    }

    private double Weight(string word) => _weights.TryGetValue(word, out var weight) ? weight : _unknownWeight;

    /// <summary>
    /// "dishub" of "dinasperhubungan": the letters appear in order, the first two are the name's first two, and at
    /// least two of the name's words give letters (so a prefix of one word is not an abbreviation).
    /// </summary>
    private static bool IsAbbreviation(string typed, Entry entry)
    {
        var name = entry.NameCompact;
        if (typed[0] != name[0] || typed[1] != name[1] || typed.Length > name.Length * 0.7)
        {
            return false;
        }

        var position = 0;
        var firstWordEnd = entry.Words[0].Length;
        foreach (var letter in typed)
        {
            position = name.IndexOf(letter, position);
            if (position < 0)
            {
                return false;
            }

            position++;
        }

        // The last letter came from beyond the first word.
        return position > firstWordEnd;
    }

    private sealed class Entry(KnownOrganisation organisation, string[] words, string shortCompact)
    {
        public static readonly Entry Ambiguous = new(new KnownOrganisation(0, string.Empty, string.Empty), [], string.Empty);

        public KnownOrganisation Organisation { get; } = organisation;

        public string[] Words { get; } = words;

        public string ShortCompact { get; } = shortCompact;

        public string NameCompact { get; } = string.Concat(words);

        public double NameWeight { get; set; }

        public bool[] Telling { get; set; } = [];
    }
}
