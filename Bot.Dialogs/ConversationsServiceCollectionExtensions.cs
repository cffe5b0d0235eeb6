using Bot.Dialogs.Enrollment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Dialogs;

/// <summary>Registers the conversation features: enrollment and roles, coordinator commands, commitments, progress.</summary>
internal static class ConversationsServiceCollectionExtensions
{
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CoordinatorOptions>().Bind(configuration.GetSection(CoordinatorOptions.SectionName));
        services.AddSingleton<UserResolver>();
        return services;
    }
}
