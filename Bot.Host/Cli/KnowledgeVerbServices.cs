using Bot.Knowledge;

namespace Bot.Host.Cli;

/// <summary>
/// The services of the knowledge verbs (ingest, eval): appsettings.json and environment variables, console
/// logging at Warning, and <see cref="KnowledgeServiceCollectionExtensions.AddBotKnowledge"/>.
/// </summary>
internal static class KnowledgeVerbServices
{
    public static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddBotKnowledge(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
