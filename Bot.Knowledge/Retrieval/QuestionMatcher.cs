namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Nearest-question matching over the question bank: each question becomes two TF-IDF vectors, one of word stems
/// and stem pairs (what it is about) and one of character 3- to 5-grams of its normalised words (how it is
/// spelled, so typos and informal forms the lexicon lacks still meet; plus what kind of answer it asks for, see
/// <see cref="RetrievalText"/>), and a new question is compared to all of
/// them by cosine similarity through inverted lists. Built once per bank; matching is a few hundred microseconds.
/// </summary>
internal sealed class QuestionMatcher
{
    private const double WordShare = 0.6;
    private const int MinGram = 3;
    private const int MaxGram = 5;

    private readonly FeatureSpace _words;
    private readonly FeatureSpace _chars;
    private readonly int _count;

    public QuestionMatcher(IReadOnlyList<string> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        _count = questions.Count;
        var normalized = questions.Select(RetrievalText.Normalize).ToList();
        _words = new FeatureSpace(normalized.Select(WordFeatures).ToList());
        _chars = new FeatureSpace(normalized.Select(CharFeatures).ToList());
    }

    /// <summary>The <paramref name="top"/> most similar bank questions (index, cosine 0..1), best first.</summary>
    public IReadOnlyList<(int Index, double Similarity)> Match(string question, int top)
    {
        var normalized = RetrievalText.Normalize(question);
        if (normalized.Length == 0 || _count == 0)
        {
            return [];
        }

        var scores = new double[_count];
        _words.Accumulate(WordFeatures(normalized), WordShare, scores);
        _chars.Accumulate(CharFeatures(normalized), 1 - WordShare, scores);
        // The best few by a bounded min-heap: the bank has thousands of questions and a caller wants a few dozen.
        var best = new PriorityQueue<int, (double Score, int Negated)>(top + 1);
        for (var i = 0; i < _count; i++)
        {
            if (scores[i] > 0)
            {
                best.Enqueue(i, (scores[i], -i));
                if (best.Count > top)
                {
                    best.Dequeue();
                }
            }
        }

        var ranked = new List<(int, double)>(best.Count);
        while (best.TryDequeue(out var i, out _))
        {
            ranked.Add((i, Math.Min(1.0, scores[i])));
        }

        ranked.Reverse();
        return ranked;
    }

    private static List<string> WordFeatures(string normalized)
    {
        var stems = TextAnalysis.Stems(normalized);
        var features = new List<string>((stems.Count * 2) + 2);
        features.AddRange(RetrievalText.Asks(normalized));
        for (var i = 0; i < stems.Count; i++)
        {
            features.Add(stems[i]);
            if (i > 0)
            {
                features.Add(stems[i - 1] + " " + stems[i]);
            }
        }

        return features;
    }

    private static List<string> CharFeatures(string normalized)
    {
        var features = new List<string>();
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var padded = "_" + word + "_";
            for (var n = MinGram; n <= MaxGram; n++)
            {
                for (var i = 0; i + n <= padded.Length; i++)
                {
                    features.Add(padded.Substring(i, n));
                }
            }
        }

        return features;
    }

    /// <summary>TF-IDF vectors of one kind of feature, L2-normalised, stored as inverted lists.</summary>
    private sealed class FeatureSpace
    {
        private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(int Doc, double Weight)>> _postings = new(StringComparer.Ordinal);
        private readonly double _unknownIdf;

        public FeatureSpace(IReadOnlyList<List<string>> documents)
        {
            _unknownIdf = Math.Log((documents.Count + 1.0) / 0.5);
            var docFreq = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var features in documents)
            {
                foreach (var feature in features.Distinct(StringComparer.Ordinal))
                {
                    docFreq[feature] = docFreq.GetValueOrDefault(feature) + 1;
                }
            }

            foreach (var (feature, df) in docFreq)
            {
                _idf[feature] = Math.Log((documents.Count + 1.0) / (df + 0.5));
            }

            for (var doc = 0; doc < documents.Count; doc++)
            {
                foreach (var (feature, weight) in Vector(documents[doc]))
                {
                    if (!_postings.TryGetValue(feature, out var list))
                    {
                        _postings[feature] = list = [];
                    }

                    list.Add((doc, weight));
                }
            }
        }

        public void Accumulate(List<string> features, double share, double[] scores)
        {
            foreach (var (feature, weight) in Vector(features))
            {
                if (_postings.TryGetValue(feature, out var list))
                {
                    foreach (var (doc, docWeight) in list)
                    {
                        scores[doc] += share * weight * docWeight;
                    }
                }
            }
        }

        /// <summary>Log-scaled term frequency times IDF, unit length; features never seen in the bank are dropped.</summary>
        private List<(string Feature, double Weight)> Vector(List<string> features)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var feature in features)
            {
                counts[feature] = counts.GetValueOrDefault(feature) + 1;
            }

            var vector = new List<(string, double)>(counts.Count);
            double norm = 0;
            foreach (var (feature, count) in counts)
            {
                // A feature unknown to the bank still lengthens the query vector: an unfamiliar question scores lower.
                var known = _idf.TryGetValue(feature, out var idf);
                var weight = (1 + Math.Log(count)) * (known ? idf : _unknownIdf);
                norm += weight * weight;
                if (known)
                {
                    vector.Add((feature, weight));
                }
            }

            norm = Math.Sqrt(norm);
            return norm == 0 ? [] : vector.Select(v => (v.Item1, v.Item2 / norm)).ToList();
        }
    }
}
