using Bot.Knowledge.Bank;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Grouped folds over the bank's distinct texts, so that a cross-validated figure predicts a situation nobody wrote a
/// line for. Lines written as variants of one situation ("temen gw od" next to "teman saya overdosis") are near
/// copies of each other: folds drawn line by line put one variant in training and its twin in the held-out fold, and
/// the screen looked better out of fold (0.88-0.905) than on each new unseen set. Groups:
/// <list type="bullet">
/// <item>every answer-bank question of one citation key (the questions of one article are variants of it);</item>
/// <item>safety and scope lines joined when they are at least <see cref="SameSituation"/> similar
/// (<see cref="QuestionMatcher"/> cosine, single linkage), and everything joined to them in turn.</item>
/// </list>
/// Groups are dealt to folds in a seeded random order, each to the fold with the fewest texts of its kind (safety or
/// ordinary), so every fold holds about a fifth of each.
/// </summary>
internal static class SafetyFolds
{
    /// <summary>
    /// Two lines at least this similar are read as the same situation. Set once and not tuned (no other value was
    /// measured); with the twelfth round's bank it gives 1,379 groups, the largest 195 texts, 567 holding safety lines.
    /// </summary>
    public const double SameSituation = 0.5;

    /// <summary>The folds and how the texts grouped.</summary>
    public sealed record Result(IReadOnlyDictionary<string, int> Fold, int Groups, int Largest, int SafetyGroups);

    /// <summary>The fold of every distinct text of the bank (safety, scope and answer questions).</summary>
    public static Result Assign(QuestionBank bank, int folds, int seed, double sameSituation = SameSituation)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var texts = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Add(string text)
        {
            if (!index.TryGetValue(text, out var i))
            {
                index[text] = i = texts.Count;
                texts.Add(text);
            }

            return i;
        }

        var isSafety = new HashSet<int>();
        foreach (var example in bank.Safety)
        {
            var i = Add(example.Text);
            if (example.Label != LearnedSafetyScreen.None)
            {
                isSafety.Add(i);
            }
        }

        foreach (var example in bank.Scope)
        {
            Add(example.Text);
        }

        var groups = new UnionFind(texts.Count + bank.Answers.Count);
        var keys = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var question in bank.Answers)
        {
            var i = Add(question.Text);
            if (keys.TryGetValue(question.Key, out var first))
            {
                groups.Join(i, first);
            }
            else
            {
                keys[question.Key] = i;
            }
        }

        // Safety and scope lines join their near copies among all texts (answer questions included, so a hard
        // negative written against a safety line stays with it).
        var matcher = new QuestionMatcher(texts);
        var lines = bank.Safety.Select(e => e.Text).Concat(bank.Scope.Select(e => e.Text)).Distinct(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var i = index[line];
            foreach (var (j, similarity) in matcher.Match(line, 10))
            {
                if (similarity >= sameSituation)
                {
                    groups.Join(i, j);
                }
            }
        }

        var members = Enumerable.Range(0, texts.Count).GroupBy(groups.Find).Select(g => g.ToList()).ToList();
        var random = new Random(seed);
        var order = members.Select(g => (Group: g, Draw: random.Next())).OrderByDescending(g => g.Group.Count).ThenBy(g => g.Draw).Select(g => g.Group).ToList();
        var safetyCount = new int[folds];
        var ordinaryCount = new int[folds];
        var fold = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in order)
        {
            var safe = group.Count(isSafety.Contains);
            var counts = safe > 0 ? safetyCount : ordinaryCount;
            var k = Enumerable.Range(0, folds).MinBy(f => counts[f]);
            safetyCount[k] += safe;
            ordinaryCount[k] += group.Count - safe;
            foreach (var i in group)
            {
                fold[texts[i]] = k;
            }
        }

        return new Result(fold, members.Count, members.Max(g => g.Count), members.Count(g => g.Exists(isSafety.Contains)));
    }

    private sealed class UnionFind(int count)
    {
        private readonly int[] _parent = Enumerable.Range(0, count).ToArray();

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        public void Join(int a, int b) => _parent[Find(a)] = Find(b);
    }
}
