using Bot.Knowledge.Passages;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The default answerer (no LLM): picks the best passages, takes from each the one or two units (sentences,
/// ayat, list items) that carry most of the question's weight, and cites every passage it used. At most four
/// units in all. Penalty passages get the note on the new KUHP.
/// </summary>
internal static class ExtractiveAnswerer
{
    private const int MaxUnits = 4;
    private const int MaxPassages = 3;

    /// <summary>A further passage is used only if it scores this close to the best one.</summary>
    private const double CompanionScoreRatio = 0.75;

    public static Answer Answer(SearchResult result, string? locale, Func<QueryConcept, double> weight)
    {
        var chosen = Choose(result, weight);
        var budget = MaxUnits;
        var parts = new List<(Passage Passage, List<string> Units)>();
        foreach (var passage in chosen)
        {
            var take = passage == chosen[0] ? Math.Max(1, budget - (chosen.Count - 1)) : 1;
            var units = BestUnits(passage, result.Query, weight, Math.Min(take, 2));
            budget -= units.Count;
            parts.Add((passage, units));
        }

        var body = string.Join("\n\n", parts.Select(p => $"{string.Join(' ', p.Units)} ({p.Passage.CitationKey})"));
        var english = AnswerTexts.IsEnglish(locale);
        if (parts.Any(p => p.Passage.IsPenal))
        {
            body += "\n\n" + (english ? KuhpNote.English : KuhpNote.Indonesian);
        }

        var text = english ? AnswerTexts.EnglishLead + "\n\n" + body : body;
        var citations = parts.Select(p => ToCitation(p.Passage, string.Join(' ', p.Units))).ToList();
        return new Answer(text, AnswerKind.Answered, citations, result.Confidence)
        {
            RetrievedKeys = result.Hits.Select(h => h.Passage.CitationKey).ToList(),
        };
    }

    public static Citation ToCitation(Passage p, string excerpt) =>
        new(p.CitationKey, p.DocumentTitle, p.Pasal, p.Id, Excerpts.Shorten(excerpt), p.Status);

    /// <summary>The best passage, plus close runners-up that add a concept the best one lacks.</summary>
    private static List<Passage> Choose(SearchResult result, Func<QueryConcept, double> weight)
    {
        var best = result.Hits[0];
        var chosen = new List<Passage> { best.Passage };
        var covered = Matched(result.Query, best.Passage);
        foreach (var hit in result.Hits.Skip(1).Take(3))
        {
            if (chosen.Count == MaxPassages || hit.Score < best.Score * CompanionScoreRatio
                || chosen.Any(c => c.CitationKey == hit.Passage.CitationKey))
            {
                continue;
            }

            var adds = Matched(result.Query, hit.Passage).Except(covered).Sum(weight);
            if (adds > 0)
            {
                chosen.Add(hit.Passage);
                covered.UnionWith(Matched(result.Query, hit.Passage));
            }
        }

        return chosen;
    }

    private static HashSet<QueryConcept> Matched(ParsedQuery query, Passage passage)
    {
        var stems = PassageStems.Of(passage).Body;
        return query.Concepts.Where(c => c.IsMatchedBy(stems)).ToHashSet();
    }

    /// <summary>The highest-weighted units, in the passage's own order; a list item keeps its lead-in line.</summary>
    private static List<string> BestUnits(Passage passage, ParsedQuery query, Func<QueryConcept, double> weight, int count)
    {
        var units = PassageStems.Of(passage).Units;
        if (units.Count <= count)
        {
            return units.Select(u => u.Unit).ToList();
        }

        var scored = units.Select((u, i) =>
        {
            var score = query.Concepts.Where(c => c.IsMatchedBy(u.Stems)).Sum(weight);
            // Earlier units state the rule; later ones tend to be details and cross-references.
            return (u.Unit, Index: i, Score: score - (0.01 * i));
        }).ToList();
        var picked = scored.OrderByDescending(s => s.Score).Take(count).OrderBy(s => s.Index).ToList();
        var lead = units[0].Unit.EndsWith(':') && picked.All(p => p.Index > 0) ? units[0].Unit + " " : string.Empty;
        return picked.Select((p, n) => n == 0 ? lead + p.Unit : p.Unit).ToList();
    }
}
