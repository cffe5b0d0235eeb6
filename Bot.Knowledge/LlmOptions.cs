using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge;

/// <summary>
/// The optional LLM (section <c>Knowledge:Llm</c>). <see cref="Provider"/> <c>AzureOpenAI</c>: an Azure OpenAI
/// resource (<see cref="Endpoint"/> <c>https://&lt;resource&gt;.openai.azure.com/</c>, a <see cref="Deployment"/>,
/// and an <see cref="ApiKey"/>, or Entra ID through DefaultAzureCredential when no key is set). <c>OpenAI</c>: any
/// OpenAI-compatible endpoint (<see cref="Endpoint"/>, <see cref="Model"/> and <see cref="ApiKey"/>).
/// </summary>
public sealed class LlmOptions
{
    public const string AzureOpenAI = "AzureOpenAI";
    public const string OpenAI = "OpenAI";

    /// <summary><c>AzureOpenAI</c> or <c>OpenAI</c>.</summary>
    [RegularExpression("^(AzureOpenAI|OpenAI)$", ErrorMessage = "Knowledge:Llm:Provider must be AzureOpenAI or OpenAI.")]
    public string Provider { get; set; } = OpenAI;

    public string? Endpoint { get; set; }

    /// <summary>The model name (OpenAI-compatible endpoints).</summary>
    public string? Model { get; set; }

    /// <summary>The deployment name (Azure OpenAI).</summary>
    public string? Deployment { get; set; }

    /// <summary>The API key; for Azure OpenAI it may be left empty to sign in with Entra ID.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Optional Azure OpenAI API version; empty uses the client library's default.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>After this the extractive answer is used instead.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The rewrite of the question before retrieval waits at most this long, then the question is searched as asked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RewriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsAzure => string.Equals(Provider, AzureOpenAI, StringComparison.OrdinalIgnoreCase);

    /// <summary>Enough is set to call the model: Azure needs endpoint and deployment; OpenAI endpoint, model and key.</summary>
    public bool IsConfigured => IsAzure
        ? !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Deployment)
        : !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model) && !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>Entra ID sign-in: Azure OpenAI without an API key.</summary>
    public bool UsesEntraId => IsAzure && string.IsNullOrWhiteSpace(ApiKey);
}
