using System.Diagnostics;
using Bot.Knowledge.Language;
using Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The answer pipeline the chat and the eval verb share. A bare drug name is read as "what is it"; then safety
/// first (the learned screen); then, with an LLM, the question rewritten into standard Indonesian for retrieval;
/// retrieval (BM25 and nearest bank question); answerability (the learned scope model says whether the sources
/// could hold such a fact at all, and the <see cref="AnswerDecision"/>, learned from out-of-fold bank evidence, weighs
/// its probabilities with retrieval's evidence of whether the index does); then the LLM's answer over the passages when
/// one is configured and it cites only what it was given, else the composed extractive answer.
/// </summary>
internal sealed partial class QuestionAnswerer(
    PassageSearch search,
    ISafetyScreen safetyScreen,
    SafetyAnswers safety,
    ScopeModel scope,
    AnswerComposer composer,
    AnswerDecision decision,
    IOptions<KnowledgeOptions> options,
    ILogger<QuestionAnswerer> logger,
    LlmAnswerer? llm = null,
    QuestionRewriter? rewriter = null) : IQuestionAnswerer
{
    private readonly KnowledgeOptions _options = options.Value;

    public async Task<Answer> AnswerAsync(string question, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var started = Stopwatch.GetTimestamp();
        var answer = await AnswerCoreAsync(question.Trim(), locale, cancellationToken);
        LogAnswered(logger, answer.Kind, answer.Method, answer.Citations.Count, answer.Confidence, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return answer;
    }

    private async Task<Answer> AnswerCoreAsync(string question, string? locale, CancellationToken cancellationToken)
    {
        if (question.Length == 0)
        {
            return new Answer(AnswerTexts.Empty(locale), AnswerKind.NotCovered, [], 0);
        }

        // A bare drug name ("sabu"), or one asked "what is it" ("apa itu sabu"), is a topic, not a request: it is answered
        // from the sources as "what is sabu", with a question back (the safety classifier reads a drug's name with so
        // few other words as a request).
        if (SubstanceNames.Default.Topic(question) is { } name)
        {
            var what = await AnswerFromSourcesAsync(AnswerTexts.WhatIs(name, locale), locale, cancellationToken);
            return what with { Text = what.Text + "\n\n" + AnswerTexts.AskMore(name, locale) };
        }

        var concern = safetyScreen.Screen(question);
        if (concern != SafetyConcern.None)
        {
            var keys = Keys(search.Search(question, _options.TopPassages));
            return safety.For(concern, locale) with { RetrievedKeys = keys };
        }

        return await AnswerFromSourcesAsync(question, locale, cancellationToken);
    }

    /// <summary>Scope, retrieval, answerability and the answer, for a question the safety screen let through.</summary>
    private async Task<Answer> AnswerFromSourcesAsync(string question, string? locale, CancellationToken cancellationToken)
    {
        // The scope model reads the question as asked; a question it rules out never reaches the LLM, unless a bank
        // question of a retrieved passage is so close that scope questions almost never come as near: the model reads
        // the question's frame ("motor sy dipinjem temen"), the bank the article's own topic.
        var verdict = scope.Judge(question);
        var asked = search.Search(question, _options.TopPassages);
        if (verdict.IsOutside && !HandSetRule.BankOverrulesSureVerdict(asked, _options))
        {
            return new Answer(AnswerTexts.OutOfDomain(locale), AnswerKind.OutOfDomain, [], 0) { Declined = DeclineReason.Outside };
        }

        if (asked.Hits.Count == 0)
        {
            return NotCovered(locale, asked, DeclineReason.NoPassage);
        }

        // Without the learned decision, the scope model's "not covered" verdicts decline here, as they did before it;
        // the learned decision reads the same probabilities among its features. With an LLM they still decline here,
        // so that a question the sources cannot hold (a drug's street price) is never sent to the model to rewrite or
        // judge (LlmAnswererTests).
        if ((!_options.LearnedDecision || llm is not null || rewriter is not null) && HandSetRule.ScopeDecline(verdict, asked, _options) is { } scopeDecline)
        {
            return NotCovered(locale, asked, scopeDecline);
        }

        var result = rewriter is null ? asked : search.Search(await rewriter.RewriteAsync(question, cancellationToken), _options.TopPassages);
        var check = EvidenceChecks.Run(question, result, composer);
        switch (check)
        {
            case { Declined: DeclineReason.NoPassage }:
                return NotCovered(locale, asked, DeclineReason.NoPassage);
            case { Declined: DeclineReason.StatedAbsence, Absence: { } absence }:
                return NotCovered(locale, result, DeclineReason.StatedAbsence) with { Text = absence + "\n\n" + AnswerTexts.NotCovered(locale) };
            case { Declined: { } reason }:
                return NotCovered(locale, result, reason);
        }

        var fact = check.Fact;
        var covered = decision.Answers(question, result, verdict, fact);
        if (llm is null || (!covered && !IsPlausible(result)))
        {
            return covered ? Compose(result, locale) : NotCovered(locale, result, DeclineReason.WeakEvidence);
        }

        // With an LLM, the model decides answerability over the retrieved passages, also where retrieval alone
        // was unsure; its answer must cite only what it was given, else the extractive decision stands.
        return await llm.AnswerAsync(question, locale, result, cancellationToken) switch
        {
            { Kind: AnswerKind.NotCovered } => NotCovered(locale, result, DeclineReason.Llm) with { Method = "llm" },
            { } generated => generated with { RetrievedKeys = Keys(result) },
            null => covered ? Compose(result, locale) : NotCovered(locale, result, DeclineReason.WeakEvidence),
        };
    }

    private Answer Compose(SearchResult result, string? locale)
    {
        var weights = search.Weights(result.Query);
        return composer.Compose(result, locale, c => weights.GetValueOrDefault(c));
    }

    /// <summary>Weaker evidence the LLM may still judge: a third of the question's words, or a loosely similar bank question.</summary>
    private static bool IsPlausible(SearchResult result) => result.BankSimilarity >= 0.25 || result.Confidence >= 0.25;

    private static Answer NotCovered(string? locale, SearchResult result, string reason) =>
        new(AnswerTexts.NotCovered(locale), AnswerKind.NotCovered, [], result.Confidence) { RetrievedKeys = Keys(result), Declined = reason };

    private static List<string> Keys(SearchResult result) => result.Hits.Select(h => h.Passage.CitationKey).ToList();

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Answered with {Kind} by {Method}: {CitationCount} citations, confidence {Confidence:0.00}, {ElapsedMs:0.0} ms")]
    private static partial void LogAnswered(ILogger logger, AnswerKind kind, string method, int citationCount, double confidence, double elapsedMs);
}
