using Bot.Knowledge.Passages;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The default answer (no LLM): one to four plain sentences composed from the best passages, each followed by
/// its citation. Where the pack summarises an article, the summary is what the user reads (the official text
/// stays one tap away); otherwise the relevant ayat are cleaned into sentences and a list is joined to its
/// lead-in (<see cref="ReadableText"/>). Further passages are added only when they score close to the best one
/// and answer a part of the question it does not. Penalty passages get the note on the new KUHP.
/// </summary>
internal sealed class AnswerComposer(PassageIndex index)
{
    private const int MaxSentences = 4;
    private const int MaxPassages = 3;

    /// <summary>A further passage is used only if it scores this close to the best one.</summary>
    private const double CompanionScoreRatio = 0.75;

    /// <summary>List items longer than this stand on their own (definitions); shorter ones are joined to the lead-in.</summary>
    private const int SelfContainedItem = 120;

    /// <summary>A list longer than this is shown in part ("antara lain").</summary>
    private const int MaxListItems = 6;

    /// <summary>
    /// When the question asks for something the best passage mentions only in the pack's own statement that
    /// Sinergi lacks it ("Rincian indikator … belum tersedia bagi Sinergi"), that statement; null otherwise. The
    /// answer is then an honest "not covered" rather than the look-alike rest of the passage.
    /// </summary>
    public string? StatedAbsence(SearchResult result)
    {
        var passage = Summary(result.Hits[0].Passage, result) ?? result.Hits[0].Passage;
        if (passage.Source != PassageSource.Pack)
        {
            return null;
        }

        var units = PassageStems.Of(passage).Units;
        var absences = units.Where(u => ReadableText.StatesAbsence(u.Unit)).ToList();
        var facts = units.Where(u => !ReadableText.StatesAbsence(u.Unit)).ToList();
        var onlyInAbsence = result.Query.Concepts
            .Where(c => !facts.Any(f => c.IsMatchedBy(f.Stems)))
            .ToList();
        var statement = absences.FirstOrDefault(a => onlyInAbsence.Any(c => c.IsMatchedBy(a.Stems)));
        return statement.Unit is null ? null : ReadableText.Sentence(statement.Unit);
    }

    public Answer Compose(SearchResult result, string? locale, Func<QueryConcept, double> weight)
    {
        var chosen = Choose(result, weight);
        var budget = MaxSentences;
        var parts = new List<(Passage Cited, Passage Read, List<string> Sentences)>();
        foreach (var hit in chosen)
        {
            var read = Summary(hit.Passage, result) ?? hit.Passage;
            var take = parts.Count == 0 ? Math.Max(1, budget - (chosen.Count - 1)) : 1;
            var sentences = Sentences(read, result.Query, weight, Math.Min(take, 3));
            if (sentences.Count == 0)
            {
                continue;
            }

            budget -= sentences.Count;
            parts.Add((hit.Passage, read, sentences));
        }

        var english = AnswerTexts.IsEnglish(locale);
        var body = string.Join("\n\n", parts.Select(p => $"{string.Join(' ', p.Sentences)} ({p.Cited.CitationKey})"));
        if (parts.Any(p => p.Cited.IsPenal || p.Read.IsPenal) && !body.Contains("KUHP", StringComparison.Ordinal))
        {
            body += "\n\n" + (english ? KuhpNote.English : KuhpNote.Indonesian);
        }
        else if (english && parts.Any(p => p.Cited.IsPenal || p.Read.IsPenal))
        {
            body += "\n\n" + KuhpNote.English;
        }

        if (parts.Any(p => TipLineNote.ReportingKeys.Contains(p.Cited.CitationKey)))
        {
            body += "\n\n" + (english ? TipLineNote.English : TipLineNote.Indonesian);
        }

        var text = english ? AnswerTexts.EnglishLead + "\n\n" + body : body;
        var citations = parts.Select(p => ToCitation(p.Cited, string.Join(' ', p.Sentences))).ToList();
        return new Answer(text, AnswerKind.Answered, citations, result.Confidence)
        {
            RetrievedKeys = result.Hits.Select(h => h.Passage.CitationKey).ToList(),
        };
    }

    public static Citation ToCitation(Passage p, string excerpt) =>
        new(p.CitationKey, p.DocumentTitle, p.Pasal, p.Id, Excerpts.Shorten(excerpt), p.Status);

    /// <summary>The pack's summary of an ingested article (the best-ranked one when the pack has several), or null.</summary>
    private Passage? Summary(Passage passage, SearchResult result)
    {
        if (passage.Source == PassageSource.Pack)
        {
            return null;
        }

        var summaries = index.WithKey(passage.CitationKey).Where(p => p.Source == PassageSource.Pack).ToList();
        if (summaries.Count <= 1)
        {
            return summaries.FirstOrDefault();
        }

        return summaries
            .Select(s => (Summary: s, Rank: result.Hits.ToList().FindIndex(h => h.Passage.Id == s.Id)))
            .OrderBy(x => x.Rank < 0 ? int.MaxValue : x.Rank)
            .ThenByDescending(x => Matched(result.Query, x.Summary).Count)
            .First().Summary;
    }

    /// <summary>The best passage, plus close runners-up with another key that add a concept the best one lacks.</summary>
    private static List<SearchHit> Choose(SearchResult result, Func<QueryConcept, double> weight)
    {
        var best = result.Hits[0];
        var chosen = new List<SearchHit> { best };
        var covered = Matched(result.Query, best.Passage);
        foreach (var hit in result.Hits.Skip(1).Take(4))
        {
            if (chosen.Count == MaxPassages || hit.Score < best.Score * CompanionScoreRatio
                || chosen.Any(c => string.Equals(c.Passage.CitationKey, hit.Passage.CitationKey, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var matched = Matched(result.Query, hit.Passage);
            if (matched.Except(covered).Sum(weight) > 0)
            {
                chosen.Add(hit);
                covered.UnionWith(matched);
            }
        }

        return chosen;
    }

    private static HashSet<QueryConcept> Matched(ParsedQuery query, Passage passage)
    {
        var stems = PassageStems.Of(passage).Body;
        return query.Concepts.Where(c => c.IsMatchedBy(stems)).ToHashSet();
    }

    /// <summary>Up to <paramref name="count"/> readable sentences of the passage that carry most of the question, in the passage's order.</summary>
    private static List<string> Sentences(Passage passage, ParsedQuery query, Func<QueryConcept, double> weight, int count)
    {
        var units = PassageStems.Of(passage).Units;
        double Score(int i) => query.Concepts.Where(c => c.IsMatchedBy(units[i].Stems)).Sum(weight) - (0.01 * i);
        var blocks = Blocks(units.Select(u => u.Unit).ToList());
        var ranked = blocks
            .Select(b => (Block: b, Score: b.Lead is { } lead ? Score(lead) + b.Items.Select(Score).DefaultIfEmpty(0).Max() : b.Items.Sum(Score)))
            .OrderByDescending(b => b.Score)
            .Take(count)
            .OrderBy(b => b.Block.Items.Concat(b.Block.Lead is { } l ? [l] : []).Min())
            .ToList();

        var sentences = new List<string>();
        foreach (var (block, _) in ranked)
        {
            sentences.AddRange(Render(block, units.Select(u => u.Unit).ToList(), Score));
        }

        return sentences.Where(s => s.Length > 1).Take(Math.Max(count, 1)).ToList();
    }

    /// <summary>Groups units: a lead-in with the list items that follow it, or a single unit.</summary>
    private static List<Block> Blocks(List<string> units)
    {
        var blocks = new List<Block>();
        for (var i = 0; i < units.Count; i++)
        {
            if (ReadableText.IsLeadIn(units[i]) && i + 1 < units.Count && ReadableText.IsListItem(units[i + 1]))
            {
                var items = new List<int>();
                var j = i + 1;
                while (j < units.Count && ReadableText.IsListItem(units[j]))
                {
                    items.Add(j++);
                }

                blocks.Add(new Block(i, items));
                i = j - 1;
            }
            else
            {
                blocks.Add(new Block(null, [i]));
            }
        }

        return blocks;
    }

    private static IEnumerable<string> Render(Block block, List<string> units, Func<int, double> score)
    {
        if (block.Lead is not { } lead)
        {
            yield return ReadableText.Sentence(ReadableText.Clean(units[block.Items[0]]));
            yield break;
        }

        // Definitions and other long items read best on their own; short items join their lead-in.
        if (block.Items.Average(i => units[i].Length) > SelfContainedItem)
        {
            foreach (var item in block.Items.OrderByDescending(score).Take(1))
            {
                yield return ReadableText.Sentence(ReadableText.Clean(units[item]));
            }

            yield break;
        }

        if (block.Items.Count <= MaxListItems)
        {
            yield return ReadableText.JoinList(units[lead], block.Items.Select(i => units[i]).ToList());
            yield break;
        }

        var shown = block.Items.OrderByDescending(score).Take(MaxListItems - 2).Order().Select(i => units[i]).ToList();
        var leadIn = units[lead].TrimEnd().TrimEnd(':') + ", antara lain:";
        yield return ReadableText.JoinList(leadIn, shown);
    }

    private sealed record Block(int? Lead, List<int> Items);
}
