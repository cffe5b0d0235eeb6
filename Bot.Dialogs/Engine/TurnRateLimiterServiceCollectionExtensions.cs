using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Dialogs.Engine;

/// <summary>Registers the per-user rate limit of the turn pipeline.</summary>
internal static class TurnRateLimiterServiceCollectionExtensions
{
    public static IServiceCollection AddTurnRateLimiter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TurnRateLimiter>();
        return services;
    }
}
