using Bot.Dialogs.Storage;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.WhatsApp;
using Bot.Host.Storage.LiteDb;
using Bot.Knowledge.Ingestion;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The PostgreSQL adapter (<c>Storage:Provider</c> = <c>Postgres</c>, connection string
/// <c>ConnectionStrings:Sinergi</c>): the store ports of Bot.Dialogs on one PostgreSQL database, its schema migrated
/// at start; the tips in their own schema and pool (<see cref="PostgresTipDatabase"/>). The data folder's LiteDB files
/// stay for what is not a store port (the folder lock, backups), and readiness asks PostgreSQL.
/// </summary>
public static class PostgresStorageServiceCollectionExtensions
{
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(PostgresDatabase.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Storage:Provider is Postgres but ConnectionStrings:{PostgresDatabase.ConnectionStringName} is not set "
                + "(e.g. \"Host=db;Database=sinergi;Username=sinergi;Password=…\").");
        }

        // The rest of the host (backups, the folder lock) still has its LiteDB files.
        services.AddLiteDbStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PostgresDatabase(connectionString, sp.GetRequiredService<ILogger<PostgresDatabase>>()));
        services.AddSingleton<PostgresStorageTransactions>();
        services.AddSingleton<PostgresLastSenders>();
        services.Replace(ServiceDescriptor.Singleton<IStorageTransactions>(sp => sp.GetRequiredService<PostgresStorageTransactions>()));
        services.Replace(ServiceDescriptor.Singleton<IGroupCommitter>(sp => sp.GetRequiredService<PostgresStorageTransactions>()));
        services.Replace(ServiceDescriptor.Singleton<IUnitOfWorkFactory, PostgresUnitOfWorkFactory>());

        services.Replace(ServiceDescriptor.Singleton<IUserStore, PostgresUserStore>());
        services.Replace(ServiceDescriptor.Singleton<ILinkCodeStore, PostgresLinkCodeStore>());
        services.Replace(ServiceDescriptor.Singleton<IOrganisationStore, PostgresOrganisationStore>());
        services.Replace(ServiceDescriptor.Singleton<IInviteCodeStore, PostgresInviteCodeStore>());
        services.Replace(ServiceDescriptor.Singleton<IAdminCodeStore, PostgresAdminCodeStore>());
        services.Replace(ServiceDescriptor.Singleton<ICommitmentStore, PostgresCommitmentStore>());
        services.Replace(ServiceDescriptor.Singleton<IProgressReportStore, PostgresProgressReportStore>());
        services.Replace(ServiceDescriptor.Singleton<IProgressReportReader, PostgresProgressReportReader>());
        services.Replace(ServiceDescriptor.Singleton<IEvidenceStore, PostgresEvidenceStore>());
        services.Replace(ServiceDescriptor.Singleton<IConversationStateStore, PostgresConversationStateStore>());
        services.Replace(ServiceDescriptor.Singleton<IConversationReferenceStore, PostgresConversationReferenceStore>());
        services.Replace(ServiceDescriptor.Singleton<IFormDraftStore, PostgresFormDraftStore>());
        services.Replace(ServiceDescriptor.Singleton<IReminderOutbox, PostgresReminderOutbox>());
        services.Replace(ServiceDescriptor.Singleton<IDeliveryLog, PostgresDeliveryLog>());
        services.Replace(ServiceDescriptor.Singleton<IInFlightMessages, PostgresInFlightMessages>());
        services.Replace(ServiceDescriptor.Singleton<IReminderAcknowledgements, PostgresReminderAcknowledgements>());
        services.Replace(ServiceDescriptor.Singleton<INudgeLog, PostgresNudgeLog>());
        services.Replace(ServiceDescriptor.Singleton<INotificationStore, PostgresNotificationStore>());
        services.Replace(ServiceDescriptor.Singleton<IDashboardSessionStore, PostgresDashboardSessionStore>());

        // Signed links and sessions verify on every host: the Data Protection key ring is in the database (after the
        // key folder that AddSignedLinks configures, which PostConfigure overrides whatever the order of the calls).
        services.AddSingleton<PostgresKeyRing>();
        services.AddOptions<KeyManagementOptions>().PostConfigure<PostgresKeyRing>((keys, ring) => keys.XmlRepository = ring);
        // Other hosts (and the ingest verb) store documents: each host follows them unless told otherwise.
        services.PostConfigure<Bot.Knowledge.KnowledgeOptions>(knowledge =>
        {
            if (knowledge.RefreshInterval <= TimeSpan.Zero)
            {
                knowledge.RefreshInterval = Bot.Knowledge.KnowledgeOptions.SharedStoreRefreshInterval;
            }
        });

        // A web chat socket on one host hears the replies of a turn another host ran (LISTEN/NOTIFY).
        services.AddSingleton<PostgresTranscriptNotifier>();
        services.AddSingleton<ITranscriptChangeNotifier>(sp => sp.GetRequiredService<PostgresTranscriptNotifier>());

        // The tips: their own schema and pool, never a turn's transaction (PostgresTipDatabase says why).
        var tipsConnectionString = configuration.GetConnectionString(PostgresTipDatabase.ConnectionStringName) is { Length: > 0 } tips ? tips : connectionString;
        services.AddSingleton(sp => new PostgresTipDatabase(tipsConnectionString, sp.GetRequiredService<ILogger<PostgresTipDatabase>>()));
        services.Replace(ServiceDescriptor.Singleton<ITipStore, PostgresTipStore>());

        // Readiness asks PostgreSQL, under the names the LiteDB files had.
        services.RemoveAll<IStorageProbe>();
        services.AddSingleton<IStorageProbe>(sp => new PostgresStorageProbe("main", sp.GetRequiredService<PostgresDatabase>().DataSource, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStorageProbe>(sp => new PostgresStorageProbe("tips", sp.GetRequiredService<PostgresTipDatabase>().DataSource, sp.GetRequiredService<TimeProvider>()));

        // The channels' stores.
        services.Replace(ServiceDescriptor.Singleton<IServiceWindowStore, PostgresServiceWindowStore>());
        services.Replace(ServiceDescriptor.Singleton<INumberedChoiceStore, PostgresNumberedChoiceStore>());
        services.Replace(ServiceDescriptor.Singleton<IDirectLineStore, PostgresDirectLineStore>());
        services.Replace(ServiceDescriptor.Singleton<IDeviceStore, PostgresDeviceStore>());
        services.Replace(ServiceDescriptor.Singleton<IUploadStore, PostgresUploadStore>());
        services.Replace(ServiceDescriptor.Singleton<IWhatsAppInbox, PostgresWhatsAppInbox>());
        services.Replace(ServiceDescriptor.Singleton<IOutboundMessageStore, PostgresOutboundMessageStore>());

        // The ingested statutes, shared: each host builds its own index from them and polls for changes.
        services.RemoveAll<IKnowledgeDocumentStore>();
        services.AddSingleton<IKnowledgeDocumentStore, PostgresKnowledgeDocumentStore>();
        return services;
    }
}
