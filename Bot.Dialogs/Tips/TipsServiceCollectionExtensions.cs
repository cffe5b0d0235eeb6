using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Dialogs.Tips;

/// <summary>Registers the tip line's back end (the chat dialog plugs in on top of <see cref="TipService"/>).</summary>
public static class TipsServiceCollectionExtensions
{
    public static IServiceCollection AddTips(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TipOptions>()
            .Bind(configuration.GetSection(TipOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TipStore>();
        services.AddSingleton<TipRateLimiter>();
        services.AddSingleton<TipNotifier>();
        services.AddSingleton<TipService>();
        return services;
    }
}
