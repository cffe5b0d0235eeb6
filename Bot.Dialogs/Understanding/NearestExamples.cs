using System.Collections.Frozen;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// A nearest-neighbour vote over the training examples: the five examples that share the most letter triples and
/// words with the message (Jaccard similarity, through an inverted index) vote for their intents, weighted by
/// similarity. Averaged with the classifier it generalises better on short and unusual wording (cross-validation
/// on the training files, BENCHMARKS.md), and its disagreement with the classifier marks an uncertain message.
/// ML.NET has no nearest-neighbour classifier, hence this small one.
/// </summary>
internal sealed class NearestExamples
{
    private const int Neighbours = 5;

    private readonly string[] _labels;
    private readonly int[] _sizes;
    private readonly FrozenDictionary<string, int[]> _postings;

    // Per-thread scratch space for the shared-feature counts, so a vote allocates almost nothing.
    [ThreadStatic]
    private static int[]? _counts;

    private NearestExamples(string[] labels, int[] sizes, FrozenDictionary<string, int[]> postings)
    {
        _labels = labels;
        _sizes = sizes;
        _postings = postings;
    }

    /// <summary>Indexes normalised, masked example texts with their labels.</summary>
    public static NearestExamples Build(IReadOnlyList<(string Text, string Label)> examples)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var sizes = new int[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            var features = Features(examples[i].Text);
            sizes[i] = features.Count;
            foreach (var feature in features)
            {
                (postings.TryGetValue(feature, out var list) ? list : postings[feature] = []).Add(i);
            }
        }

        return new NearestExamples(
            examples.Select(e => e.Label).ToArray(), sizes, postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Each intent's share of the neighbours' similarity (summing to one), or empty when nothing is alike.</summary>
    public IReadOnlyDictionary<string, double> Vote(string text)
    {
        var features = Features(text);
        var counts = _counts is { } buffer && buffer.Length >= _labels.Length ? buffer : _counts = new int[_labels.Length];
        var touched = new List<int>(256);
        foreach (var feature in features)
        {
            if (_postings.TryGetValue(feature, out var examples))
            {
                foreach (var example in examples)
                {
                    if (counts[example]++ == 0)
                    {
                        touched.Add(example);
                    }
                }
            }
        }

        // The best few by Jaccard similarity, kept in a small sorted array (no sort of every touched example).
        Span<(int Example, double Similarity)> nearest = stackalloc (int, double)[Neighbours];
        var found = 0;
        foreach (var example in touched)
        {
            var shared = counts[example];
            counts[example] = 0;
            var similarity = (double)shared / (features.Count + _sizes[example] - shared);
            if (found < Neighbours)
            {
                nearest[found++] = (example, similarity);
            }
            else if (similarity > nearest[Neighbours - 1].Similarity)
            {
                nearest[Neighbours - 1] = (example, similarity);
            }
            else
            {
                continue;
            }

            for (var i = found - 1; i > 0 && nearest[i].Similarity > nearest[i - 1].Similarity; i--)
            {
                (nearest[i], nearest[i - 1]) = (nearest[i - 1], nearest[i]);
            }
        }

        var total = 0.0;
        for (var i = 0; i < found; i++)
        {
            total += nearest[i].Similarity;
        }

        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        if (total <= 0)
        {
            return votes;
        }

        for (var i = 0; i < found; i++)
        {
            var label = _labels[nearest[i].Example];
            votes[label] = votes.GetValueOrDefault(label) + nearest[i].Similarity / total;
        }

        return votes;
    }

    /// <summary>The letter triples of the text padded with spaces, and its words.</summary>
    private static HashSet<string> Features(string text)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        var padded = " " + text + " ";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            features.Add(padded.Substring(i, 3));
        }

        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            features.Add("w:" + word);
        }

        return features;
    }
}
