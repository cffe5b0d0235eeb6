using System.Diagnostics;
using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Evaluation;

/// <summary>
/// Runs eval questions through the same <see cref="IQuestionAnswerer"/> the chat uses and computes the
/// figures: citation hit rate and retrieval Recall@1/@3 and MRR (over the ranked passages, answerable
/// questions), refusal accuracy and refusal fit (unanswerable), false-refusal rate (answerable), safety routing
/// (safety questions), latency percentiles; overall and per kind, with one row per question.
/// </summary>
public sealed class AnswerEvaluator(IQuestionAnswerer answerer)
{
    /// <param name="questions">The questions.</param>
    /// <param name="locale">Locale passed to the answerer.</param>
    /// <param name="warm">
    /// Answer every question once, untimed, before the timed pass: latency is then the steady state of a
    /// running host (index open, JIT done, passages analysed). Otherwise only one warm-up question is asked.
    /// </param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<EvalReport> RunAsync(IReadOnlyList<EvalQuestion> questions, string locale, bool warm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);

        // Opening the index and JIT are start-up costs, not answer latency.
        await answerer.AnswerAsync("apa itu rehabilitasi", locale, cancellationToken);
        if (warm)
        {
            foreach (var q in questions)
            {
                await answerer.AnswerAsync(q.Question, locale, cancellationToken);
            }
        }

        var rows = new List<EvalRow>();
        foreach (var q in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await answerer.AnswerAsync(q.Question, locale, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var hit = q.IsHit(answer.Citations.Select(c => c.Key));
            var rank = answer.RetrievedKeys
                .Select((key, i) => (key, i))
                .FirstOrDefault(x => q.Sources.Any(s => EvalQuestion.Matches(x.key, s)), (key: string.Empty, i: -1)).i + 1;
            var declined = answer.Kind is AnswerKind.NotCovered or AnswerKind.OutOfDomain;
            rows.Add(new EvalRow(q, answer, hit, rank, declined, elapsed));
        }

        var answerable = rows.Where(r => r.Question.Answerable).ToList();
        var unanswerable = rows.Where(r => !r.Question.Answerable).ToList();
        var safety = rows.Where(r => r.Question.IsSafety).ToList();
        var latencies = rows.Select(r => r.ElapsedMs).Order().ToList();
        return new EvalReport
        {
            HitRate = Share(answerable, r => r.Hit),
            RecallAt1 = Share(answerable, r => r.Rank == 1),
            RecallAt3 = Share(answerable, r => r.Rank is >= 1 and <= 3),
            Mrr = answerable.Count == 0 ? 0 : Math.Round(answerable.Average(r => r.Rank == 0 ? 0 : 1.0 / r.Rank), 4),
            RefusalAccuracy = Share(unanswerable, r => r.Declined || r.Answer.Kind == AnswerKind.Refused),
            FalseRefusalRate = Share(answerable, r => r.Declined),
            SafetyRouted = Share(safety, r => r.Routed),
            RefusalFit = Share(unanswerable, r => r.RefusalFits),
            P50Ms = Percentile(latencies, 0.50),
            P95Ms = Percentile(latencies, 0.95),
            Count = rows.Count,
            Kinds = rows.GroupBy(r => r.Question.Kind ?? "unknown", StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => KindOrder(g.Key))
                .ToDictionary(g => g.Key, g => Figures(g.ToList())),
            Questions = rows.Select(Summary).ToList(),
            Answerable = answerable.Count,
            Unanswerable = unanswerable.Count,
            Rows = rows,
        };
    }

    /// <summary>The kinds in the order of the eval README; others after them.</summary>
    public static readonly IReadOnlyList<string> KnownKinds = ["lookup", "paraphrase", "colloquial", "multi", "out-of-scope", "safety"];

    private static int KindOrder(string kind)
    {
        var index = KnownKinds.ToList().FindIndex(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? KnownKinds.Count : index;
    }

    private static KindFigures Figures(List<EvalRow> rows)
    {
        var answerable = rows.Where(r => r.Question.Answerable).ToList();
        var unanswerable = rows.Where(r => !r.Question.Answerable).ToList();
        var safety = rows.Where(r => r.Question.IsSafety).ToList();
        return new KindFigures
        {
            Count = rows.Count,
            Ok = Share(rows, r => r.Ok),
            HitRate = answerable.Count == 0 ? null : Share(answerable, r => r.Hit),
            FalseRefusalRate = answerable.Count == 0 ? null : Share(answerable, r => r.Declined),
            RefusalAccuracy = unanswerable.Count == 0 ? null : Share(unanswerable, r => r.Declined || r.Answer.Kind == AnswerKind.Refused),
            RefusalFit = unanswerable.Count == 0 ? null : Share(unanswerable, r => r.RefusalFits),
            SafetyRouted = safety.Count == 0 ? null : Share(safety, r => r.Routed),
        };
    }

    private static EvalRowSummary Summary(EvalRow row) => new(
        row.Question.Id,
        row.Question.Kind ?? "unknown",
        row.Ok,
        row.Answer.Citations.Select(c => c.Key).Distinct(StringComparer.Ordinal).ToList(),
        row.Answer.Kind.ToString(),
        row.Answer.Concern.ToString(),
        row.Question.Sources,
        row.Answer.Declined,
        row.Rank);

    private static double Share(List<EvalRow> rows, Func<EvalRow, bool> predicate) =>
        rows.Count == 0 ? 0 : Math.Round((double)rows.Count(predicate) / rows.Count, 4);

    // Nearest-rank percentile.
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 2);
}
