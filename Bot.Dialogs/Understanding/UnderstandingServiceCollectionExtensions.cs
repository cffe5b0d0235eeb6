using Bot.Dialogs.Understanding.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Dialogs.Understanding;

/// <summary>Registers the understanding step: the OPDs to match, the step itself, and its warm-up at start.</summary>
internal static class UnderstandingServiceCollectionExtensions
{
    public static IServiceCollection AddUnderstanding(this IServiceCollection services)
    {
        services.AddSingleton<IKnownOrganisations, StoredOrganisations>();
        services.AddSingleton(sp => new MessageUnderstander(
            sp.GetRequiredService<IKnownOrganisations>(), sp.GetService<Knowledge.Language.ISafetyScreen>()));
        services.AddHostedService<UnderstandingWarmUp>();
        return services;
    }
}
