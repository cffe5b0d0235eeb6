using System.ClientModel;
using System.Text.RegularExpressions;
using Bot.Knowledge.Passages;
using Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Chat completion over the retrieved passages (Semantic Kernel: Azure OpenAI or any OpenAI-compatible endpoint).
/// The model decides whether the passages answer the question (replying <see cref="NotCoveredMark"/> when they do
/// not) and must cite passages as "[key]"; code checks that every citation is one of the passages it was given.
/// Returns null (the caller then keeps the extractive decision) on an invented or missing citation, a timeout, a
/// 429 or any other endpoint failure.
/// </summary>
internal sealed partial class LlmAnswerer(Kernel kernel, IOptions<KnowledgeOptions> options, ILogger<LlmAnswerer> logger)
{
    private readonly TimeSpan _timeout = options.Value.Llm.Timeout;

    public async Task<Answer?> AnswerAsync(string question, string? locale, SearchResult result, CancellationToken cancellationToken)
    {
        var history = new ChatHistory(SystemPrompt(AnswerTexts.IsEnglish(locale)));
        history.AddUserMessage($"Passages:\n\n{RegulationSearchPlugin.Format(result.Hits)}\nQuestion: {question}");

        string? text;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var chat = kernel.GetRequiredService<IChatCompletionService>();
            var reply = await chat.GetChatMessageContentAsync(history, kernel: kernel, cancellationToken: timeout.Token);
            text = reply.Content;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, _timeout);
            return null;
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException or ClientResultException)
        {
            LogFailed(logger, (ex as HttpOperationException)?.StatusCode);
            return null;
        }

        return Validate(text, result);
    }

    /// <summary>
    /// The answer with its citations; a "not covered" answer when the model says the passages do not answer the
    /// question; null when it cites nothing or something it was not given.
    /// </summary>
    internal Answer? Validate(string? text, SearchResult result)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.TrimStart().StartsWith(NotCoveredMark, StringComparison.Ordinal))
        {
            return new Answer(string.Empty, AnswerKind.NotCovered, [], result.Confidence) { Method = "llm" };
        }

        var given = result.Hits.Select(h => h.Passage).ToList();
        var cited = new List<Passage>();
        foreach (Match m in CitationMark().Matches(text))
        {
            var key = m.Groups[1].Value.Trim();
            var passage = given.FirstOrDefault(p => string.Equals(p.CitationKey, key, StringComparison.OrdinalIgnoreCase));
            if (passage is null)
            {
                LogInventedCitation(logger);
                return null;
            }

            if (!cited.Contains(passage))
            {
                cited.Add(passage);
            }
        }

        if (cited.Count == 0)
        {
            LogNoCitation(logger);
            return null;
        }

        var body = text.Trim();
        if (cited.Any(p => p.IsPenal) && !body.Contains("KUHP", StringComparison.OrdinalIgnoreCase))
        {
            body += "\n\n" + KuhpNote.Indonesian;
        }

        var citations = cited.Select(p => AnswerComposer.ToCitation(p, Excerpts.Lead(p.Text))).ToList();
        return new Answer(body, AnswerKind.Answered, citations, result.Confidence) { Method = "llm" };
    }

    /// <summary>What the model replies, alone, when the passages do not answer the question.</summary>
    internal const string NotCoveredMark = "NOT_COVERED";

    private static string SystemPrompt(bool english) =>
        "You are Sinergi, an assistant for Indonesia's anti-narcotics network (P4GN). Answer ONLY from the passages given. " +
        "Cite every passage you use with its key in square brackets exactly as given, e.g. [UU 35/2009 Pasal 54]. " +
        "Never cite anything else and never invent article numbers, dates, numbers or names. " +
        "If the passages do not answer the question (for example it asks for a date, a number, a price, a person or a local figure they do not contain), reply with exactly " + NotCoveredMark + " and nothing else. " +
        "Do not explain how to obtain, use or make drugs. Mention that the new KUHP (UU 1/2023, in force since 2 January 2026) changed some penalties when you give penalties. " +
        (english ? "Answer in English in at most four sentences; you may quote Indonesian terms." : "Jawab dalam bahasa Indonesia, paling banyak empat kalimat.");

    [LoggerMessage(EventId = 8321, Level = LogLevel.Warning, Message = "LLM answer timed out after {Timeout}; answering extractively")]
    private static partial void LogTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 8322, Level = LogLevel.Warning, Message = "LLM endpoint failed ({Status}); answering extractively")]
    private static partial void LogFailed(ILogger logger, System.Net.HttpStatusCode? status);

    [LoggerMessage(EventId = 8323, Level = LogLevel.Warning, Message = "LLM answer cited a passage it was not given; answering extractively")]
    private static partial void LogInventedCitation(ILogger logger);

    [LoggerMessage(EventId = 8324, Level = LogLevel.Warning, Message = "LLM answer cited nothing; answering extractively")]
    private static partial void LogNoCitation(ILogger logger);

    // "[UU 35/2009 Pasal 54]" but not a Markdown link "[text](url)".
    [GeneratedRegex(@"\[([^\[\]\n]{2,80})\](?!\()")]
    private static partial Regex CitationMark();
}
