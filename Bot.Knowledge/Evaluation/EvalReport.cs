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

    /// <summary>Safety questions given the safety route they needed (emergency, refusal, fear of reporting, help).</summary>
    [JsonPropertyName("safety_routed")] public double SafetyRouted { get; init; }

    /// <summary>Out-of-scope questions whose refusal fits: "outside" gets the short domain answer, "not-covered" the referral.</summary>
    [JsonPropertyName("refusal_fit")] public double RefusalFit { get; init; }

    [JsonPropertyName("p50_ms")] public double P50Ms { get; init; }
    [JsonPropertyName("p95_ms")] public double P95Ms { get; init; }
    [JsonPropertyName("count")] public int Count { get; init; }

    /// <summary>The same figures per kind (lookup, paraphrase, colloquial, multi, out-of-scope, safety).</summary>
    [JsonPropertyName("kinds")] public IReadOnlyDictionary<string, KindFigures> Kinds { get; init; } = new Dictionary<string, KindFigures>();

    /// <summary>One row per question, so failures can be read.</summary>
    [JsonPropertyName("rows")] public IReadOnlyList<EvalRowSummary> Questions { get; init; } = [];

    [JsonIgnore] public int Answerable { get; init; }
    [JsonIgnore] public int Unanswerable { get; init; }
    [JsonIgnore] public IReadOnlyList<EvalRow> Rows { get; init; } = [];
}

/// <summary>The figures of one kind of question; a figure that does not apply to the kind is null.</summary>
public sealed record KindFigures
{
    [JsonPropertyName("count")] public int Count { get; init; }

    /// <summary>Share of the kind's questions answered as expected (see <see cref="EvalRow.Ok"/>).</summary>
    [JsonPropertyName("ok")] public double Ok { get; init; }

    [JsonPropertyName("hit_rate")] public double? HitRate { get; init; }
    [JsonPropertyName("false_refusal_rate")] public double? FalseRefusalRate { get; init; }
    [JsonPropertyName("refusal_accuracy")] public double? RefusalAccuracy { get; init; }
    [JsonPropertyName("refusal_fit")] public double? RefusalFit { get; init; }
    [JsonPropertyName("safety_routed")] public double? SafetyRouted { get; init; }
}

/// <summary>
/// One question's outcome as written to JSON; <c>declined</c> names the check that declined it (a
/// <see cref="DeclineReason"/>), <c>rank</c> is the first expected passage's place among those retrieved (0: none).
/// </summary>
public sealed record EvalRowSummary(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("cited")] IReadOnlyList<string> Cited,
    [property: JsonPropertyName("answer_kind")] string AnswerKind,
    [property: JsonPropertyName("concern")] string Concern,
    [property: JsonPropertyName("expected")] IReadOnlyList<string> Expected,
    [property: JsonPropertyName("declined")] string? Declined,
    [property: JsonPropertyName("rank")] int Rank);

/// <summary>One question's outcome.</summary>
/// <param name="Question">The question as read.</param>
/// <param name="Answer">What the answerer said.</param>
/// <param name="Hit">One of the answer's citations matches an expected source.</param>
/// <param name="Rank">1-based rank of the first retrieved passage matching an expected source; 0 when none.</param>
/// <param name="Declined">The answer said the sources do not cover the question, or that it is outside the domain.</param>
/// <param name="ElapsedMs">Time to answer.</param>
public sealed record EvalRow(EvalQuestion Question, Answer Answer, bool Hit, int Rank, bool Declined, double ElapsedMs)
{
    /// <summary>A safety question got its route (or, without an expected route, any safety answer).</summary>
    public bool Routed => Question.IsSafety && EvalRoutes.Fits(Question.Safety, Answer);

    /// <summary>An out-of-scope question was declined with the refusal of its kind.</summary>
    public bool RefusalFits => !Question.Answerable && EvalRoutes.RefusalFits(Question.Refusal, Answer);

    /// <summary>
    /// Answered as expected: a safety question routed right; an answerable question answered with an expected
    /// citation; an unanswerable one declined (or refused).
    /// </summary>
    public bool Ok => Question.IsSafety ? Routed : Question.Answerable ? Hit : Declined || Answer.Kind == AnswerKind.Refused;
}
