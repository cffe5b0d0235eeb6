using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Dialogs.Reminders;

/// <summary>Registers the reminder policy, the outbox and its services (the scheduling lives in Bot.Host).</summary>
public static class RemindersServiceCollectionExtensions
{
    public static IServiceCollection AddReminderPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReminderOptions>()
            .Bind(configuration.GetSection(ReminderOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<LocalSchedule>();
        services.AddSingleton<ReminderPolicy>();
        services.AddSingleton<RecipientDirectory>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<ICommitmentChangeListener, ReminderChangeListener>();
        services.AddSingleton<ReportingOverview>();
        services.AddSingleton<CoordinatorReports>();
        services.AddSingleton<ReminderRowUpdates>();
        services.AddSingleton<RecipientDelivery>();
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<ScheduledNotices>();
        services.AddSingleton<EscalationPass>();
        services.AddSingleton<NudgeService>();
        services.AddSingleton<ReminderActions>();
        services.AddSingleton<IIntentHandler, ReminderActionsHandler>();
        services.AddSingleton<IIntentHandler, ChaseHandler>();
        return services;
    }
}
