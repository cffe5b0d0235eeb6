using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge;

/// <summary>
/// An OpenAI-compatible chat endpoint (section <c>Knowledge:Llm</c>), e.g. Azure OpenAI's v1 endpoint
/// <c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>. All three of endpoint, model and key are needed.
/// </summary>
public sealed class LlmOptions
{
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>After this the extractive answer is used instead.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The rewrite of the question before retrieval waits at most this long, then the question is searched as asked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RewriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model) && !string.IsNullOrWhiteSpace(ApiKey);
}
