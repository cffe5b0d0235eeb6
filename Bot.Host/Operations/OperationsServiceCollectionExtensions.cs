using Bot.Host.Storage;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;

namespace Bot.Host.Operations;

/// <summary>What operators need from a running host: readiness, the storage check at start, online backups.</summary>
internal static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddSingleton<ControlToken>();
        services.AddSinergiHealthChecks();
        services.AddHostedService<DataFolderAnnouncer>();
        services.AddExceptionHandler<Web.StorageUnavailableExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Opens both databases before the host listens: another process holding the data folder, or a damaged file,
    /// is a clear message and exit code 3 instead of a host that answers 500 to everything (issue 14, findings 2 and 5).
    /// </summary>
    public static string? StorageRefusal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            _ = app.Services.GetRequiredService<SinergiDatabase>();
            _ = app.Services.GetRequiredService<TipDatabase>();

            // The provider's databases as readiness sees them (PostgreSQL: connected and migrated now).
            _ = app.Services.GetServices<IStorageProbe>().ToList();
            return null;
        }
        catch (Exception ex) when (ex is DataFolderInUseException or DatabaseDamagedException)
        {
            return ex.Message;
        }
    }

    public static WebApplication MapOperations(this WebApplication app) => app.MapBackupEndpoint().MapHealth();
}
