using System.Collections.Frozen;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding.Entities;

/// <summary>
/// What the training files teach about the words around an argument. For each intent, the words written outside
/// the annotated entities are its "carrier" words ("tolong", "buatkan", "kode", "undangan", "untuk"); what is left
/// of a new message once they are set aside is the argument (a new OPD's name, an invite code, a person). Words
/// that carry many intents and never sit inside an entity are carriers everywhere ("dong", "ya", "mau"). The
/// annotated values of closed entities ("semua", "seluruh opd", "koordinator") become lookup lists.
/// </summary>
public sealed class ArgumentVocabulary
{
    /// <summary>A word outside entities in this many intents, and never inside one, is a carrier for every intent.</summary>
    private const int SharedCarrierIntents = 4;

    /// <summary>A word that starts this many annotated OPD names of two words or more starts a name ("dinas", "badan").</summary>
    private const int MinHeadCount = 3;

    /// <summary>Entities written in words (a code's letters say nothing about which words are ordinary).</summary>
    private static readonly FrozenSet<string> FreeForm =
        new[] { EntityNames.Organisation, EntityNames.Person, EntityNames.Role, EntityNames.JobTitle, EntityNames.Scope }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, FrozenSet<string>> _carriers;
    private readonly FrozenSet<string> _shared;
    private readonly FrozenDictionary<string, FrozenSet<string>> _lookups;
    private readonly FrozenSet<string> _ordinary;
    private readonly FrozenSet<string> _heads;

    private ArgumentVocabulary(
        FrozenDictionary<string, FrozenSet<string>> carriers,
        FrozenSet<string> shared,
        FrozenDictionary<string, FrozenSet<string>> lookups,
        FrozenSet<string> ordinary,
        FrozenSet<string> heads)
    {
        _carriers = carriers;
        _shared = shared;
        _lookups = lookups;
        _ordinary = ordinary;
        _heads = heads;
    }

    public static ArgumentVocabulary Default => Shared.Value;

    private static readonly Lazy<ArgumentVocabulary> Shared = new(() => Learn(TrainingExamples.All));

    public static ArgumentVocabulary Learn(IEnumerable<LabelledExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var carriers = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var insideEntities = new HashSet<string>(StringComparer.Ordinal);
        var lookups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var heads = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            var words = carriers.TryGetValue(example.Label, out var set) ? set : carriers[example.Label] = new(StringComparer.Ordinal);
            var position = 0;
            foreach (var entity in example.Entities.OrderBy(e => e.Start))
            {
                words.UnionWith(TextNormalizer.Tokens(example.Text[position..entity.Start]));
                var value = example.Text.Substring(entity.Start, entity.Length);
                if (FreeForm.Contains(entity.Name))
                {
                    insideEntities.UnionWith(TextNormalizer.Tokens(value));
                }

                if (entity.Name == EntityNames.Organisation && TextNormalizer.Tokens(value) is [var head, _, ..])
                {
                    heads[head] = heads.GetValueOrDefault(head) + 1;
                }

                var lookup = lookups.TryGetValue(entity.Name, out var values) ? values : lookups[entity.Name] = new(StringComparer.Ordinal);
                lookup.Add(TextNormalizer.Normalize(value));
                position = entity.Start + entity.Length;
            }

            words.UnionWith(TextNormalizer.Tokens(example.Text[position..]));
        }

        var shared = carriers.Values
            .SelectMany(words => words)
            .GroupBy(word => word, StringComparer.Ordinal)
            .Where(g => g.Count() >= SharedCarrierIntents && !insideEntities.Contains(g.Key))
            .Select(g => g.Key);
        var ordinary = carriers.Values.SelectMany(words => words).Where(word => !insideEntities.Contains(word));
        return new ArgumentVocabulary(
            carriers.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal),
            shared.ToFrozenSet(StringComparer.Ordinal),
            lookups.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal),
            ordinary.ToFrozenSet(StringComparer.Ordinal),
            heads.Where(p => p.Value >= MinHeadCount).Select(p => p.Key).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>True when the normalised word only frames the argument of <paramref name="intent"/>.</summary>
    public bool IsCarrier(string intent, string word) =>
        _shared.Contains(word) || (_carriers.TryGetValue(intent, out var words) && words.Contains(word));

    /// <summary>
    /// True for a word the examples use as an ordinary word and never inside an entity ("berapa", "detail",
    /// "undangan"): it may name an OPD only exactly, never as a near spelling or an abbreviation.
    /// </summary>
    public bool IsOrdinaryWord(string word) => _ordinary.Contains(word);

    /// <summary>True for a word that starts OPD names in the examples ("dinas", "badan", "kecamatan"): a new name begins there.</summary>
    public bool StartsOrganisationName(string word) => _heads.Contains(word);

    /// <summary>The annotated values of an entity in the training files, normalised ("semua opd", "all agencies").</summary>
    public IReadOnlySet<string> Lookup(string entity) => _lookups.TryGetValue(entity, out var values) ? values : FrozenSet<string>.Empty;
}
