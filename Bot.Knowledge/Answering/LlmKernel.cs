using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The Semantic Kernel the answerer uses: the chat model of <c>Knowledge:Llm</c> (Azure OpenAI through
/// Azure.AI.OpenAI, with an API key or an Entra ID token credential, or any OpenAI-compatible endpoint) and the
/// regulation search plugin. Our own HttpClient without a timeout: the connector then adds no retry policy, so a
/// 429 falls back at once, and the answerer's timeout (not the client's) decides how long to wait.
/// </summary>
internal static class LlmKernel
{
    public static Kernel Build(IServiceProvider services)
    {
        var llm = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Llm;
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        if (llm.IsConfigured)
        {
            var http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            if (!llm.IsAzure)
            {
                builder.AddOpenAIChatCompletion(llm.Model!, new Uri(llm.Endpoint!), llm.ApiKey, httpClient: http);
            }
            else if (llm.UsesEntraId)
            {
                builder.AddAzureOpenAIChatCompletion(llm.Deployment!, llm.Endpoint!, services.GetRequiredService<TokenCredential>(),
                    httpClient: http, apiVersion: Blank(llm.ApiVersion));
            }
            else
            {
                builder.AddAzureOpenAIChatCompletion(llm.Deployment!, llm.Endpoint!, llm.ApiKey!,
                    httpClient: http, apiVersion: Blank(llm.ApiVersion));
            }
        }

        builder.Plugins.AddFromObject(services.GetRequiredService<Retrieval.RegulationSearchPlugin>(), Retrieval.RegulationSearchPlugin.PluginName);
        return builder.Build();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
