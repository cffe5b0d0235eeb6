using Bot.Dialogs.Storage;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.WhatsApp;
using Bot.Knowledge.Ingestion;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The LiteDB adapter: every store port of Bot.Dialogs implemented on two LiteDB files (<c>sinergi.db</c>, and
/// <c>tips.db</c> for the tips alone). A second backend would be a sibling of this folder with its own extension.
/// </summary>
public static class LiteDbStorageServiceCollectionExtensions
{
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // One process per data folder (the lock is taken when the first database opens), and the seam where tests
        // make the disk fail.
        services.AddSingleton(sp => DataFolderLock.Acquire(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory));
        services.TryAddSingleton<StorageFaultInjection>();
        services.AddSingleton<SinergiDatabase>();
        services.AddSingleton<IStorageTransactions>(sp => sp.GetRequiredService<SinergiDatabase>());
        services.AddSingleton<GroupCommitter>();
        services.AddSingleton<IGroupCommitter>(sp => sp.GetRequiredService<GroupCommitter>());
        services.AddSingleton<IUnitOfWorkFactory, LiteDbUnitOfWorkFactory>();
        services.AddSingleton<TipDatabase>();
        services.AddSingleton<IStorageProbe>(sp => new LiteDbStorageProbe("main", sp.GetRequiredService<SinergiDatabase>));
        services.AddSingleton<IStorageProbe>(sp => new LiteDbStorageProbe("tips", () => sp.GetRequiredService<TipDatabase>().Database));

        services.AddSingleton<IConversationStateStore, LiteDbConversationStateStore>();
        services.AddSingleton<IFormDraftStore, LiteDbFormDraftStore>();
        services.AddSingleton<IUserStore, LiteDbUserStore>();
        services.AddSingleton<ILinkCodeStore, LiteDbLinkCodeStore>();
        services.AddSingleton<IOrganisationStore, LiteDbOrganisationStore>();
        services.AddSingleton<IInviteCodeStore, LiteDbInviteCodeStore>();
        services.AddSingleton<IAdminCodeStore, LiteDbAdminCodeStore>();
        services.AddSingleton<ICommitmentStore, LiteDbCommitmentStore>();
        services.AddSingleton<IProgressReportStore, LiteDbProgressReportStore>();
        services.AddSingleton<IProgressReportReader, LiteDbProgressReportReader>();
        services.AddSingleton<IEvidenceStore, LiteDbEvidenceStore>();
        services.AddSingleton<IConversationReferenceStore, LiteDbConversationReferenceStore>();
        services.AddSingleton<LiteDbReminderClaims>();
        services.AddSingleton<IReminderOutbox, LiteDbReminderOutbox>();
        services.AddSingleton<IReminderAcknowledgements, LiteDbReminderAcknowledgements>();
        services.AddSingleton<IDeliveryLog, LiteDbDeliveryLog>();
        services.AddSingleton<IInFlightMessages, LiteDbInFlightMessages>();
        services.AddSingleton<INudgeLog, LiteDbNudgeLog>();
        services.AddSingleton<INotificationStore, LiteDbNotificationStore>();
        services.AddSingleton<ITipStore, LiteDbTipStore>();
        services.AddSingleton<IDashboardSessionStore, LiteDbDashboardSessionStore>();

        // The channels' own stores (their ports sit next to each channel).
        services.AddSingleton<IDirectLineStore, LiteDbDirectLineStore>();
        services.AddSingleton<IDeviceStore, LiteDbDeviceStore>();
        services.AddSingleton<IUploadStore, LiteDbUploadStore>();
        services.AddSingleton<IWhatsAppInbox, LiteDbWhatsAppInbox>();
        services.AddSingleton<IServiceWindowStore, LiteDbServiceWindowStore>();
        services.AddSingleton<INumberedChoiceStore, LiteDbNumberedChoiceStore>();
        services.AddSingleton<IOutboundMessageStore, LiteDbOutboundMessageStore>();
        // The ingested statutes each host indexes (Bot.Knowledge's port).
        services.AddSingleton<IKnowledgeDocumentStore, LiteDbKnowledgeDocumentStore>();
        return services;
    }
}
