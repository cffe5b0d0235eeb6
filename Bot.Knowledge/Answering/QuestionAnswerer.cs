using System.Diagnostics;
using Bot.Knowledge.Language;
using Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The answer pipeline the chat and the eval verb share: safety check, retrieval, then the LLM answer when
/// one is configured and valid, else the extractive answer; below the confidence threshold, "not covered".
/// </summary>
internal sealed class QuestionAnswerer(
    PassageSearch search,
    ISafetyScreen safetyScreen,
    SafetyAnswers safety,
    IOptions<KnowledgeOptions> options,
    ILogger<QuestionAnswerer> logger,
    LlmAnswerer? llm = null) : IQuestionAnswerer
{
    private readonly KnowledgeOptions _options = options.Value;

    public async Task<Answer> AnswerAsync(string question, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var started = Stopwatch.GetTimestamp();
        var answer = await AnswerCoreAsync(question.Trim(), locale, cancellationToken);
        logger.LogInformation(
            "Answered with {Kind} by {Method}: {CitationCount} citations, confidence {Confidence:0.00}, {ElapsedMs:0.0} ms",
            answer.Kind, answer.Method, answer.Citations.Count, answer.Confidence, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        logger.LogDebug("Question was {Question}", question);
        return answer;
    }

    private async Task<Answer> AnswerCoreAsync(string question, string? locale, CancellationToken cancellationToken)
    {
        if (question.Length == 0)
        {
            return new Answer(AnswerTexts.Empty(locale), AnswerKind.NotCovered, [], 0);
        }

        var concern = safetyScreen.Screen(question);
        var result = search.Search(question, _options.TopPassages);
        if (concern != SafetyConcern.None)
        {
            return safety.For(concern, locale) with { RetrievedKeys = Keys(result) };
        }

        if (result.Hits.Count == 0 || result.Confidence < _options.MinConfidence || ScopeGuard.IsOutOfScope(question))
        {
            return new Answer(AnswerTexts.NotCovered(locale), AnswerKind.NotCovered, [], result.Confidence) { RetrievedKeys = Keys(result) };
        }

        var weights = search.Weights(result.Query);
        var fallback = ExtractiveAnswerer.Answer(result, locale, c => weights.GetValueOrDefault(c));
        if (llm is null)
        {
            return fallback;
        }

        return await llm.AnswerAsync(question, locale, result, cancellationToken) is { } generated
            ? generated with { RetrievedKeys = Keys(result) }
            : fallback;
    }

    private static List<string> Keys(SearchResult result) => result.Hits.Select(h => h.Passage.CitationKey).ToList();
}
