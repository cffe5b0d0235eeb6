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
/// Chat completion over the retrieved passages (Semantic Kernel, any OpenAI-compatible endpoint). The model
/// must cite passages as "[key]"; code checks that every citation is one of the passages it was given.
/// Returns null (the caller then answers extractively) on an invented or missing citation, a timeout, a 429
/// or any other endpoint failure.
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
            logger.LogWarning("LLM answer timed out after {Timeout}; answering extractively", _timeout);
            return null;
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException or ClientResultException)
        {
            logger.LogWarning("LLM endpoint failed ({Status}); answering extractively", (ex as HttpOperationException)?.StatusCode);
            return null;
        }

        return Validate(text, result);
    }

    /// <summary>The answer with its citations, or null when it cites nothing or something it was not given.</summary>
    internal Answer? Validate(string? text, SearchResult result)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var given = result.Hits.Select(h => h.Passage).ToList();
        var cited = new List<Passage>();
        foreach (Match m in CitationMark().Matches(text))
        {
            var key = m.Groups[1].Value.Trim();
            var passage = given.FirstOrDefault(p => string.Equals(p.CitationKey, key, StringComparison.OrdinalIgnoreCase));
            if (passage is null)
            {
                logger.LogWarning("LLM answer cited a passage it was not given; answering extractively");
                return null;
            }

            if (!cited.Contains(passage))
            {
                cited.Add(passage);
            }
        }

        if (cited.Count == 0)
        {
            logger.LogWarning("LLM answer cited nothing; answering extractively");
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

    private static string SystemPrompt(bool english) =>
        "You are Sinergi, an assistant for Indonesia's anti-narcotics network (P4GN). Answer ONLY from the passages given. " +
        "Cite every passage you use with its key in square brackets exactly as given, e.g. [UU 35/2009 Pasal 54]. " +
        "Never cite anything else and never invent article numbers. If the passages do not answer the question, say so and refer to the BNN call center 184. " +
        "Do not explain how to obtain, use or make drugs. Mention that the new KUHP (UU 1/2023, in force since 2 January 2026) changed some penalties when you give penalties. " +
        (english ? "Answer in English in at most four sentences; you may quote Indonesian terms." : "Jawab dalam bahasa Indonesia, paling banyak empat kalimat.");

    // "[UU 35/2009 Pasal 54]" but not a Markdown link "[text](url)".
    [GeneratedRegex(@"\[([^\[\]\n]{2,80})\](?!\()")]
    private static partial Regex CitationMark();
}
