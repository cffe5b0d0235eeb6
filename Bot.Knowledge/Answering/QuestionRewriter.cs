using System.ClientModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Bot.Knowledge.Answering;

/// <summary>
/// With an LLM configured, the question is rewritten before retrieval: WhatsApp spelling and English into standard
/// Indonesian plus the legal keywords the sources use ("takut ditangkep kalo rehab" → "… pecandu melapor diri,
/// tidak dituntut pidana, rehabilitasi"). Retrieval then searches the user's words and the rewrite together, so
/// a poor rewrite cannot lose what the user said. On a timeout or an endpoint error the question is used as is.
/// </summary>
internal sealed partial class QuestionRewriter(Kernel kernel, IOptions<KnowledgeOptions> options, ILogger<QuestionRewriter> logger)
{
    private const int MaxRewrite = 300;

    private readonly TimeSpan _timeout = options.Value.Llm.RewriteTimeout;

    public async Task<string> RewriteAsync(string question, CancellationToken cancellationToken)
    {
        var history = new ChatHistory(Prompt);
        history.AddUserMessage(question);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var chat = kernel.GetRequiredService<IChatCompletionService>();
            var reply = await chat.GetChatMessageContentAsync(history, kernel: kernel, cancellationToken: timeout.Token);
            var rewrite = reply.Content?.Trim();
            if (string.IsNullOrEmpty(rewrite))
            {
                return question;
            }

            return question + "\n" + (rewrite.Length > MaxRewrite ? rewrite[..MaxRewrite] : rewrite);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogRewriteTimedOut(logger, _timeout);
            return question;
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException or ClientResultException)
        {
            LogRewriteFailed(logger, (ex as HttpOperationException)?.StatusCode);
            return question;
        }
    }

    private const string Prompt =
        "Rewrite the user's question about Indonesian narcotics law and P4GN as one line of standard Indonesian " +
        "(expand chat abbreviations, translate English), then add the legal keywords a statute would use " +
        "(e.g. pecandu, wajib lapor, IPWL, rehabilitasi, pidana, pelapor, perlindungan). Do not answer it. " +
        "Reply with that one line only.";

    [LoggerMessage(EventId = 8311, Level = LogLevel.Warning, Message = "Question rewrite timed out after {Timeout}; searching the question as asked")]
    private static partial void LogRewriteTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 8312, Level = LogLevel.Warning, Message = "Question rewrite failed ({Status}); searching the question as asked")]
    private static partial void LogRewriteFailed(ILogger logger, System.Net.HttpStatusCode? status);
}
