using Bot.Dialogs.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Dialogs.Dashboard;

/// <summary>Registers the dashboard's conversation side: links (sealed by the host's ILinkProtector), sign-in, sessions, the "dasbor" command.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardLinks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection(DashboardOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DashboardLinkTokens>();
        services.AddSingleton<DashboardLinkIssuer>();
        services.AddSingleton<DashboardSessionStore>();
        services.AddSingleton<DashboardSignIn>();
        services.AddSingleton<DashboardStatistics>();
        services.AddSingleton<IIntentHandler, DashboardLinkHandler>();
        return services;
    }
}
