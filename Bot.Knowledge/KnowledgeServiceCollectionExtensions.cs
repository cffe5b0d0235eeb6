using Azure.Core;
using Azure.Identity;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Evaluation;
using Bot.Knowledge.Health;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Language;
using Bot.Knowledge.Pack;
using Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge;

/// <summary>Registers regulation Q&amp;A.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pack, the index (under <c>Knowledge:DataDirectory</c>, by default
    /// <c>&lt;Storage:DataDirectory&gt;/knowledge</c>), ingestion, the answerer and evaluation. The LLM answerer
    /// and the question rewriter are added only when <c>Knowledge:Llm</c> is configured (see <see cref="LlmOptions"/>).
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
            .Validate(o => o.Llm.Provider is LlmOptions.AzureOpenAI or LlmOptions.OpenAI, "Knowledge:Llm:Provider must be AzureOpenAI or OpenAI.")
            .ValidateOnStart();

        // The models are process-wide (trained once per example set), and so is the folder they are kept in.
        ModelFileCache.Use(KnowledgeOptions.ResolveModelCache(section[nameof(KnowledgeOptions.ModelCache)]));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<KnowledgePackSource>();
        services.AddSingleton(QuestionBank.Default);
        services.AddSingleton<BankMatcher>();
        // The host registers its database's store first; used alone, the documents are files in the knowledge folder.
        services.TryAddSingleton<IKnowledgeDocumentStore, FolderDocumentStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KnowledgeRefresher>());
        services.AddSingleton<PassageIndex>();
        services.AddSingleton<PassageSearch>();
        services.AddSingleton(sp => new KnowledgeReadiness(sp.GetRequiredService<PassageIndex>(), sp.GetRequiredService<IOptions<KnowledgeOptions>>()));
        services.AddSingleton<RegulationSearchPlugin>();
        services.AddSingleton<PassageReader>();
        services.AddSingleton<IPassageReader>(sp => sp.GetRequiredService<PassageReader>());
        services.AddSingleton<LearnedSafetyScreen>();
        services.AddSingleton<ISafetyScreen>(sp => sp.GetRequiredService<LearnedSafetyScreen>());
        services.AddSingleton<ScopeModel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ModelWarmup>());
        services.AddSingleton<AnswerComposer>();
        services.AddSingleton<AnswerDecision>();
        services.AddSingleton<SafetyAnswers>();
        services.AddSingleton<IQuestionAnswerer, QuestionAnswerer>();
        services.AddSingleton<IDocumentReader, PlainTextReader>();
        services.AddSingleton<IDocumentReader, PdfTextReader>();
        services.AddSingleton(sp => new DocumentIngestor(
            sp.GetServices<IDocumentReader>(), sp.GetRequiredService<PassageIndex>(), sp.GetRequiredService<IKnowledgeDocumentStore>(),
            sp.GetRequiredService<ILogger<DocumentIngestor>>()));
        services.AddSingleton<AnswerEvaluator>();
        services.AddSingleton(LlmKernel.Build);

        // Entra ID for Azure OpenAI without an API key; a test or a host may register another credential first.
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());

        var llm = section.GetSection(nameof(KnowledgeOptions.Llm)).Get<LlmOptions>();
        if (llm?.IsConfigured == true)
        {
            services.AddSingleton<LlmAnswerer>();
            services.AddSingleton<QuestionRewriter>();
            services.AddSingleton(sp => new BankDrafter(
                sp.GetRequiredService<Microsoft.SemanticKernel.Kernel>(), sp.GetRequiredService<QuestionBank>(),
                sp.GetRequiredService<IOptions<KnowledgeOptions>>(), sp.GetRequiredService<ILogger<BankDrafter>>()));
        }

        return services;
    }
}
