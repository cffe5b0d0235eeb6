using System.ClientModel;
using System.Text;
using Bot.Knowledge.Passages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Bot.Knowledge.Bank;

/// <summary>
/// At ingest, with an LLM configured, drafts bank questions for the articles the bank has none for, and writes
/// them as a bank file for review (<c>&lt;knowledge&gt;/bank-drafts/&lt;document&gt;.md</c>). Drafts are never used
/// as they are: a reviewer edits them and moves the good lines into <c>Bot.Knowledge/Bank/</c>.
/// </summary>
public sealed partial class BankDrafter
{
    private const int QuestionsPerArticle = 3;

    private readonly Kernel _kernel;
    private readonly QuestionBank _bank;
    private readonly KnowledgeOptions _options;
    private readonly ILogger<BankDrafter> _logger;

    internal BankDrafter(Kernel kernel, QuestionBank bank, IOptions<KnowledgeOptions> options, ILogger<BankDrafter> logger)
    {
        _kernel = kernel;
        _bank = bank;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Drafts questions for every passage of <paramref name="documentKey"/> without bank questions; returns the
    /// draft file's path, or null when no article needed one or the model gave none.
    /// </summary>
    public async Task<string?> DraftAsync(string documentKey, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var missing = passages.Where(p => !_bank.ByKey[p.CitationKey].Any(q => q.BelongsTo(p))).ToList();
        var text = new StringBuilder()
            .AppendLine("# Draft bank questions for " + documentKey + ", written by the LLM at ingest.")
            .AppendLine("# Review every line (own words, correct article, no copied eval question) before moving it to Bot.Knowledge/Bank/.");
        var drafted = 0;
        foreach (var passage in missing)
        {
            var questions = await AskAsync(passage, cancellationToken);
            if (questions.Count == 0)
            {
                continue;
            }

            text.AppendLine().AppendLine("## answer: " + passage.CitationKey);
            foreach (var question in questions)
            {
                text.AppendLine("- " + question);
            }

            drafted++;
        }

        if (drafted == 0)
        {
            return null;
        }

        var folder = Path.Combine(_options.ResolveDataDirectory(null), "bank-drafts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Ingestion.StatuteParser.Slug(documentKey) + ".md");
        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
        LogDrafted(_logger, drafted, documentKey);
        return path;
    }

    private async Task<List<string>> AskAsync(Passage passage, CancellationToken cancellationToken)
    {
        var history = new ChatHistory(Prompt);
        history.AddUserMessage($"[{passage.CitationKey}]\n{passage.Text}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Llm.Timeout);
        try
        {
            var reply = await _kernel.GetRequiredService<IChatCompletionService>()
                .GetChatMessageContentAsync(history, kernel: _kernel, cancellationToken: timeout.Token);
            return (reply.Content ?? string.Empty)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.TrimStart('-', '*', ' ', '1', '2', '3', '4', '5', '.', ')').Trim())
                .Where(l => l.Length is > 8 and < 200 && !l.StartsWith('#'))
                .Take(QuestionsPerArticle)
                .ToList();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDraftFailed(_logger, passage.CitationKey);
            return [];
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException or ClientResultException)
        {
            LogDraftFailed(_logger, passage.CitationKey);
            return [];
        }
    }

    private const string Prompt =
        "You write test questions for an Indonesian regulation Q&A bot. For the article given, write three short " +
        "questions that residents, parents, teachers or officials would really ask about it, in Indonesian, one " +
        "formal and two in WhatsApp style (abbreviations such as yg, gmn, brp). One question per line, nothing else.";

    [LoggerMessage(EventId = 8331, Level = LogLevel.Information, Message = "Drafted bank questions for {Articles} articles of {DocumentKey}")]
    private static partial void LogDrafted(ILogger logger, int articles, string documentKey);

    [LoggerMessage(EventId = 8332, Level = LogLevel.Warning, Message = "No draft questions for {CitationKey}: the LLM did not answer")]
    private static partial void LogDraftFailed(ILogger logger, string citationKey);
}
