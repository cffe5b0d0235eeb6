using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Linking;
using Bot.Dialogs.Menu;
using Bot.Dialogs.Notifications;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Bot.Dialogs.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Dialogs;

/// <summary>Registers the conversation layer.</summary>
public static class DialogsServiceCollectionExtensions
{
    /// <summary>Adds storage, the turn pipeline and the bot.</summary>
    public static IServiceCollection AddBotDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        // Storage is an adapter the host adds (Bot.Host/Storage/LiteDb, AddLiteDbStorage); this layer sees only the
        // ports in Storage/.
        services.AddReminderPolicy(configuration);
        services.AddSingleton<UnitOfWorkRunner>();
        services.AddSingleton<IBot, RouterBot>();
        services.AddUnderstanding();
        services.AddSingleton<IIntentHandler, MenuHandler>();
        services.AddSingleton<AccountLinkStore>().AddSingleton<IIntentHandler, AccountLinkHandler>();
        services.AddSingleton<IIntentHandler, SignInHandler>();
        services.AddSingleton<IIntentHandler, DraftCommands>();
        services.AddSingleton<ITurnHandler, Questions.QuestionHandler>();
        services.AddSingleton<ConversationSequencer>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<TurnProcessor>();
        services.TryAddSingleton<Telemetry.SinergiTelemetry>();
        services.AddTurnRateLimiter(configuration);
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<Dialog, ResumeAfterInterruption>();
        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>()));
        services.AddSingleton<DialogRunner>();
        services.AddSingleton<FormDrafts>();
        services.AddConversations(configuration);
        services.AddDashboardLinks(configuration);
        services.AddTips(configuration);
        return services;
    }
}
