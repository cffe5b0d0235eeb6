using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Question → passages. The question is normalised (colloquial lexicon), then two retrievers vote: BM25 over the
/// passages (the user's word at full weight, synonyms lower, a bonus when a heading or keyword line carries the
/// word, and the bank's questions as a field of their own) and nearest-question matching over the question
/// bank. Each passage scores the sum of its relative BM25 score and its best bank question's similarity, so a
/// passage that both retrievers like wins. Confidence is the IDF-weighted share of the question's concepts that
/// the best passages contain; words the sources never use weigh as much as the rarest word.
/// </summary>
internal sealed class PassageSearch(PassageIndex index, BankMatcher bank)
{
    // Equal weights of the two retrievers and a full-weight questions field ranked best on the tuning set
    // (recall@1 0.87 against 0.77-0.85 for the other settings of a small grid; BENCHMARKS.md).
    private const float QuestionsBoost = 1.0f;
    private const double LexicalWeight = 1.0;
    private const double BankWeight = 1.0;
    private const int BankDepth = 40;
    private const float HeadBoost = 0.6f;
    private const float SynonymBoost = 0.5f;

    /// <summary>How many of the best passages together count for confidence.</summary>
    private const int CoverageDepth = 2;

    private const int RerankDepth = 20;
    private const float DefinitionPenalty = 0.75f;

    public SearchResult Search(string question, int count)
    {
        var normalized = index.Speller().Correct(RetrievalText.Normalize(question));
        var query = QueryNormalizer.Parse(normalized) with
        {
            AsksForDefinition = QueryNormalizer.AsksForDefinition(question) || QueryNormalizer.AsksForDefinition(normalized),
        };
        if (query.IsEmpty)
        {
            return SearchResult.Empty(query);
        }

        var lexical = Rerank(query, index.Search(ToLucene(query), Math.Max(count, RerankDepth)));
        var hits = Fuse(lexical, bank.Match(normalized, BankDepth));
        if (hits.Count == 0)
        {
            return SearchResult.Empty(query);
        }

        return new SearchResult(query, hits.Take(count).ToList(), Coverage(query, hits.Take(CoverageDepth)))
        {
            BankSimilarity = hits.Max(h => h.BankSimilarity),
        };
    }

    /// <summary>BM25 hits and bank matches into one ranking (see the class comment).</summary>
    private List<SearchHit> Fuse(List<SearchHit> lexical, IReadOnlyList<(Bot.Knowledge.Bank.BankQuestion Question, double Similarity)> matches)
    {
        var best = lexical.Count == 0 ? 1f : Math.Max(lexical[0].Score, float.Epsilon);
        var candidates = new Dictionary<string, SearchHit>(StringComparer.Ordinal);
        foreach (var hit in lexical)
        {
            candidates[hit.Passage.Id] = hit with { Lexical = hit.Score / best };
        }

        foreach (var (question, similarity) in matches)
        {
            foreach (var passage in index.WithKey(question.Key).Where(question.BelongsTo))
            {
                var hit = candidates.GetValueOrDefault(passage.Id) ?? new SearchHit(passage, 0);
                if (similarity > hit.BankSimilarity)
                {
                    candidates[passage.Id] = hit with { BankSimilarity = similarity };
                }
            }
        }

        return candidates.Values
            .Select(h => h with { Score = (float)((LexicalWeight * h.Lexical) + (BankWeight * h.BankSimilarity)) })
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Passage.Source)
            .ToList();
    }

    /// <summary>
    /// Definition articles mention every key term of the law, so they outscore the article that actually
    /// answers a "where / who / how much" question; they step back unless a definition is asked for.
    /// </summary>
    private static List<SearchHit> Rerank(ParsedQuery query, IReadOnlyList<SearchHit> hits) =>
        query.AsksForDefinition
            ? hits.ToList()
            : hits.Select(h => IsDefinitions(h.Passage) ? h with { Score = h.Score * DefinitionPenalty } : h)
                .OrderByDescending(h => h.Score)
                .ToList();

    internal static bool IsDefinitions(Passages.Passage p) =>
        p.Pasal == "1" && (p.Source == Passages.PassageSource.Ingested || (p.Heading?.StartsWith("Pengertian", StringComparison.Ordinal) ?? false));

    /// <summary>IDF-weighted share of the question's concepts found in <paramref name="hits"/> (0..1).</summary>
    public double Coverage(ParsedQuery query, IEnumerable<SearchHit> hits)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            stems.UnionWith(PassageStems.Of(hit.Passage).All);
        }

        double total = 0, matched = 0;
        foreach (var concept in query.Concepts)
        {
            var weight = Weight(concept);
            total += weight;
            if (concept.IsMatchedBy(stems))
            {
                matched += weight;
            }
        }

        return total == 0 ? 0 : matched / total;
    }

    /// <summary>Each concept's weight: the IDF of the user's word, or of its synonyms when the word is unknown.</summary>
    public Dictionary<QueryConcept, double> Weights(ParsedQuery query) => query.Concepts.ToDictionary(c => c, Weight);

    private double Weight(QueryConcept concept)
    {
        var known = concept.Primary.Select(Idf).Where(i => i.Known).Select(i => i.Value).ToList();
        if (known.Count == 0)
        {
            known = concept.Alternatives.Select(Idf).Where(i => i.Known).Select(i => i.Value).ToList();
        }

        return known.Count == 0 ? Idf(string.Empty).Value : known.Max();
    }

    private (bool Known, double Value) Idf(string stem)
    {
        var (docFreq, count) = index.Frequency(stem);
        var value = Math.Log(1 + ((count - docFreq + 0.5) / (docFreq + 0.5)));
        return (docFreq > 0, value);
    }

    private static BooleanQuery ToLucene(ParsedQuery query)
    {
        var root = new BooleanQuery();
        foreach (var concept in query.Concepts)
        {
            var part = new BooleanQuery();
            foreach (var stem in concept.Primary)
            {
                part.Add(new TermQuery(new Term(IndexFields.All, stem)), Occur.SHOULD);
                part.Add(new TermQuery(new Term(IndexFields.Head, stem)) { Boost = HeadBoost }, Occur.SHOULD);
                part.Add(new TermQuery(new Term(IndexFields.Questions, stem)) { Boost = QuestionsBoost }, Occur.SHOULD);
            }

            var synonymBoost = SynonymBoost / MathF.Sqrt(Math.Max(1, concept.Alternatives.Count));
            foreach (var stem in concept.Alternatives)
            {
                part.Add(new TermQuery(new Term(IndexFields.All, stem)) { Boost = synonymBoost }, Occur.SHOULD);
            }

            root.Add(part, Occur.SHOULD);
        }

        return root;
    }
}
