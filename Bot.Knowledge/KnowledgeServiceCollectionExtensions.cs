using Bot.Knowledge.Answering;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Evaluation;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Language;
using Bot.Knowledge.Pack;
using Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Bot.Knowledge;

/// <summary>Registers regulation Q&amp;A.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pack, the index (under <c>Knowledge:DataDirectory</c>, by default
    /// <c>&lt;Storage:DataDirectory&gt;/knowledge</c>), ingestion, the answerer and evaluation. The LLM answerer
    /// is added only when <c>Knowledge:Llm</c> has an endpoint, a model and a key.
    /// </summary>
    public static IServiceCollection AddBotKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(KnowledgeOptions.SectionName);
        var storageDirectory = configuration["Storage:DataDirectory"];
        services.AddOptions<KnowledgeOptions>()
            .Bind(section)
            .PostConfigure(o => o.DataDirectory = o.ResolveDataDirectory(storageDirectory))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<KnowledgePackSource>();
        services.AddSingleton(QuestionBank.Default);
        services.AddSingleton<BankMatcher>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<PassageIndex>();
        services.AddSingleton<PassageSearch>();
        services.AddSingleton<RegulationSearchPlugin>();
        services.AddSingleton<PassageReader>();
        services.AddSingleton<IPassageReader>(sp => sp.GetRequiredService<PassageReader>());
        services.AddSingleton<LearnedSafetyScreen>();
        services.AddSingleton<ISafetyScreen>(sp => sp.GetRequiredService<LearnedSafetyScreen>());
        services.AddSingleton<ScopeModel>();
        services.AddSingleton<AnswerComposer>();
        services.AddSingleton<SafetyAnswers>();
        services.AddSingleton<IQuestionAnswerer, QuestionAnswerer>();
        services.AddSingleton<IDocumentReader, PlainTextReader>();
        services.AddSingleton<IDocumentReader, PdfTextReader>();
        services.AddSingleton(sp => new DocumentIngestor(
            sp.GetServices<IDocumentReader>(), sp.GetRequiredService<PassageIndex>(), sp.GetRequiredService<DocumentStore>(),
            sp.GetRequiredService<ILogger<DocumentIngestor>>()));
        services.AddSingleton<AnswerEvaluator>();
        services.AddSingleton(BuildKernel);

        var llm = section.GetSection(nameof(KnowledgeOptions.Llm)).Get<LlmOptions>();
        if (llm?.IsConfigured == true)
        {
            services.AddSingleton<LlmAnswerer>();
            services.AddSingleton<QuestionRewriter>();
        }

        return services;
    }

    private static Kernel BuildKernel(IServiceProvider services)
    {
        var llm = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Llm;
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        if (llm.IsConfigured)
        {
            // Our own HttpClient: the connector then disables its retry policy, so a 429 falls back at once,
            // and the answerer's timeout (not the client's) decides how long to wait.
            var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            builder.AddOpenAIChatCompletion(llm.Model!, new Uri(llm.Endpoint!), llm.ApiKey, httpClient: http);
        }

        builder.Plugins.AddFromObject(services.GetRequiredService<RegulationSearchPlugin>(), RegulationSearchPlugin.PluginName);
        return builder.Build();
    }
}
