using System.Text.Json.Serialization;
using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Evaluation;

/// <summary>The figures of one eval run (the JSON written by <c>eval --json</c>).</summary>
public sealed record EvalReport
{
    [JsonPropertyName("hit_rate")] public double HitRate { get; init; }
    [JsonPropertyName("recall_at_1")] public double RecallAt1 { get; init; }
    [JsonPropertyName("recall_at_3")] public double RecallAt3 { get; init; }
    [JsonPropertyName("mrr")] public double Mrr { get; init; }
    [JsonPropertyName("refusal_accuracy")] public double RefusalAccuracy { get; init; }
    [JsonPropertyName("false_refusal_rate")] public double FalseRefusalRate { get; init; }
    [JsonPropertyName("p50_ms")] public double P50Ms { get; init; }
    [JsonPropertyName("p95_ms")] public double P95Ms { get; init; }
    [JsonPropertyName("count")] public int Count { get; init; }

    [JsonIgnore] public int Answerable { get; init; }
    [JsonIgnore] public int Unanswerable { get; init; }
    [JsonIgnore] public IReadOnlyList<EvalRow> Rows { get; init; } = [];
}

/// <summary>One question's outcome.</summary>
/// <param name="Question">The question as read.</param>
/// <param name="Answer">What the answerer said.</param>
/// <param name="Hit">One of the answer's citations matches an expected source.</param>
/// <param name="Rank">1-based rank of the first retrieved passage matching an expected source; 0 when none.</param>
/// <param name="Declined">The answer said the sources do not cover the question.</param>
/// <param name="ElapsedMs">Time to answer.</param>
public sealed record EvalRow(EvalQuestion Question, Answer Answer, bool Hit, int Rank, bool Declined, double ElapsedMs);
