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
/// could hold such a fact at all, retrieval whether the index does); then the LLM's answer over the passages when
/// one is configured and it cites only what it was given, else the composed extractive answer.
/// </summary>
internal sealed partial class QuestionAnswerer(
    PassageSearch search,
    ISafetyScreen safetyScreen,
    SafetyAnswers safety,
    ScopeModel scope,
    AnswerComposer composer,
    IOptions<KnowledgeOptions> options,
    ILogger<QuestionAnswerer> logger,
    LlmAnswerer? llm = null,
    QuestionRewriter? rewriter = null) : IQuestionAnswerer
{
    /// <summary>How many of the best passages may hold the date or number a question asks for (as many as confidence reads).</summary>
    private const int FactDepth = 2;

    /// <summary>
    /// A scope model this sure that the question is answerable lowers the evidence retrieval must add: the nearest bank
    /// question's similarity and the share of the question's words in the best passages, summed, must reach
    /// <see cref="JointEvidence"/> (instead of 0.41 or 0.4 alone). English and formal paraphrases of thin articles had
    /// the right passage first, a confident scope model, and each signal a little short (most false refusals on the
    /// burned sets). Chosen on qa-dev, qa-tuning and qa-fresh to qa-fresh5 as the middle of the range that answered no
    /// out-of-scope question more (answerable 0.70-0.85 by sum 0.45-0.55; BENCHMARKS.md, seventh round).
    /// </summary>
    private const float SureAnswerable = 0.8f;
    private const double JointEvidence = 0.5;

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
        if (verdict.IsOutside && !BankOverrulesSureVerdict(asked))
        {
            return new Answer(AnswerTexts.OutOfDomain(locale), AnswerKind.OutOfDomain, [], 0) { Declined = DeclineReason.Outside };
        }

        // A close bank question (the same closeness that makes a question covered) overrules a scope model that only
        // leans to "not covered": the two disagree on questions whose topic the scope bank shares (an IKOTAN
        // variable, not an IKOTAN score). A sure "not covered" yields only to a much closer bank question, as above.
        if (asked.Hits.Count == 0)
        {
            return NotCovered(locale, asked, DeclineReason.NoPassage);
        }

        if ((verdict.IsSurelyNotCovered && !BankOverrulesSureVerdict(asked)) || (verdict.LeansNotCovered && asked.BankSimilarity < _options.MinBankSimilarity))
        {
            return NotCovered(locale, asked, verdict.IsSurelyNotCovered ? DeclineReason.SurelyNotCovered : DeclineReason.LeansNotCovered);
        }

        var result = rewriter is null ? asked : search.Search(await rewriter.RewriteAsync(question, cancellationToken), _options.TopPassages);
        if (result.Hits.Count == 0)
        {
            return NotCovered(locale, asked, DeclineReason.NoPassage);
        }

        if (composer.StatedAbsence(result) is { } absence)
        {
            return NotCovered(locale, result, DeclineReason.StatedAbsence) with { Text = absence + "\n\n" + AnswerTexts.NotCovered(locale) };
        }

        // A question asking for a date or a number that none of the best passages holds is a look-alike match. The
        // kind is read from the question as normalised, before spelling correction: a word the index lacks may be
        // "corrected" into another kind of question ("tenggat" into "tanggal", a date).
        var fact = AskedFact.Of(RetrievalText.Normalize(question), question);
        if (!result.Hits.Take(FactDepth).Any(h => AskedFact.Holds(h.Passage, fact)))
        {
            return NotCovered(locale, result, DeclineReason.AskedFact);
        }

        var covered = IsCovered(result, verdict);
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

    /// <summary>
    /// A bank question of one of the retrieved passages so close that scope-bank questions almost never come as near
    /// (<see cref="KnowledgeOptions.SureNotCoveredBankSimilarity"/>) overrules the scope model's sure "not covered"
    /// or "outside": the model reads the question's frame, the bank the article's own topic.
    /// </summary>
    private bool BankOverrulesSureVerdict(SearchResult asked) =>
        asked.Hits.Select(h => h.BankSimilarity).DefaultIfEmpty(0).Max() >= _options.SureNotCoveredBankSimilarity;

    /// <summary>Weaker evidence the LLM may still judge: a third of the question's words, or a loosely similar bank question.</summary>
    private static bool IsPlausible(SearchResult result) => result.BankSimilarity >= 0.25 || result.Confidence >= 0.25;

    /// <summary>
    /// The index holds the answer: a bank question of an indexed passage is close, or the best passages carry most
    /// of the question's words and the scope model does think it answerable (words alone meet too easily), or the
    /// scope model is sure and the two signals together are enough (<see cref="SureAnswerable"/>).
    /// </summary>
    private bool IsCovered(SearchResult result, ScopeVerdict verdict) =>
        result.BankSimilarity >= _options.MinBankSimilarity
        || (result.Confidence >= _options.MinConfidence && verdict.Answerable >= 0.5f)
        || (verdict.Answerable >= SureAnswerable && result.BankSimilarity + result.Confidence >= JointEvidence);

    private static Answer NotCovered(string? locale, SearchResult result, string reason) =>
        new(AnswerTexts.NotCovered(locale), AnswerKind.NotCovered, [], result.Confidence) { RetrievedKeys = Keys(result), Declined = reason };

    private static List<string> Keys(SearchResult result) => result.Hits.Select(h => h.Passage.CitationKey).ToList();

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Answered with {Kind} by {Method}: {CitationCount} citations, confidence {Confidence:0.00}, {ElapsedMs:0.0} ms")]
    private static partial void LogAnswered(ILogger logger, AnswerKind kind, string method, int citationCount, double confidence, double elapsedMs);
}
