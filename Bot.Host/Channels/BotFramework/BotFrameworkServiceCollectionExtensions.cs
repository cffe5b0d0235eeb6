using Bot.Dialogs.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.BotFramework;

/// <summary>Registers the Bot Framework channel: inbound endpoint, authentication, Connector client.</summary>
internal static class BotFrameworkServiceCollectionExtensions
{
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>()
            .Bind(configuration.GetSection(BotFrameworkOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();

        services.AddSingleton<InboundActivityReader>();
        services.AddSingleton<ChannelAuthenticator>();
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddHttpClient(ConnectorTokenProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddTransient<ConnectorAuthenticationHandler>();
        services.AddHttpClient<ConnectorClient>()
            .AddConnectorResilience()
            .AddHttpMessageHandler<ConnectorAuthenticationHandler>();
        services.AddTransient<MessagesEndpoint>();
        services.AddSingleton<IChannelSender, BotFrameworkChannelSender>();
        return services;
    }

    private sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
    {
        public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
