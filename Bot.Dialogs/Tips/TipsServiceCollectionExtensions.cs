using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Dialogs.Tips;

/// <summary>Registers the tip line's back end and the chat dialogs on top of <see cref="TipService"/>.</summary>
public static class TipsServiceCollectionExtensions
{
    public static IServiceCollection AddTips(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TipOptions>()
            .Bind(configuration.GetSection(TipOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TipRateLimiter>();
        services.AddSingleton<TipNotifier>();
        services.AddSingleton<TipService>();
        services.AddSingleton<TipAlerts>();
        services.AddSingleton<ITurnReplay, TipReceiptReplay>();

        // The chat side: dialogs and commands (drafts live in memory only, see PendingTips).
        services.AddSingleton<PendingTips>();
        services.AddSingleton<TipDialogPrompts>();
        services.AddSingleton<Dialog, TipPhotoPrompt>();
        services.AddSingleton<Dialog, TipDialog>();
        services.AddSingleton<Dialog, TipFollowUpDialog>();
        services.AddSingleton<IIntentHandler, TipCommands>();
        return services;
    }
}
