using Bot.Dialogs.Commitments;
using Bot.Dialogs.Coordinator;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Progress;
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
        services.AddHostedService<AdminCodeAnnouncer>();
        services.AddSingleton<Dialog, JoinDialog>();
        services.AddSingleton<IIntentHandler, EnrollmentHandler>();
        services.AddSingleton<IIntentHandler, OrganisationCommands>();
        services.AddOptions<RegionOptions>().Bind(configuration.GetSection(RegionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OrganisationRegions>();
        services.AddHostedService<DefaultRegionFiller>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<PeopleAdministration>();
        services.AddSingleton<IIntentHandler, PeopleCommands>();

        services.AddSingleton<CommitmentPrompts>();
        services.AddSingleton<CommitmentLookup>();
        services.AddSingleton<Dialog, RegisterCommitmentDialog>();
        services.AddSingleton<Dialog, EditCommitmentDialog>();
        services.AddSingleton<Dialog, CancelCommitmentDialog>();
        services.AddSingleton<IIntentHandler, CommitmentCommands>();

        services.AddSingleton<LegacyEvidenceLinks>();
        services.AddSingleton<EvidenceLinks>();
        services.AddSingleton<IAttachmentSource, DataUriAttachmentSource>();
        services.AddSingleton<Dialog, EvidencePrompt>();
        services.AddSingleton<Dialog, ReportProgressDialog>();
        services.AddSingleton<IIntentHandler, ProgressCommands>();

        services.AddSingleton<ReportReview>();
        services.AddSingleton<Dialog, VerifyReportsDialog>();
        services.AddSingleton<IIntentHandler, VerificationCommands>();
        return services;
    }
}
