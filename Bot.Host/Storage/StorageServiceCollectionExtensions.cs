using Bot.Host.Storage.LiteDb;
using Bot.Host.Storage.Postgres;

namespace Bot.Host.Storage;

/// <summary>Chooses the storage adapter from <c>Storage:Provider</c>: <c>LiteDb</c> (the default) or <c>Postgres</c>.</summary>
public static class StorageServiceCollectionExtensions
{
    public const string ProviderKey = "Storage:Provider";

    /// <summary>Whether the configuration chooses PostgreSQL (the shared store of several hosts).</summary>
    public static bool IsPostgres(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration[ProviderKey], "Postgres", StringComparison.OrdinalIgnoreCase);
    }

    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[ProviderKey];
        return provider switch
        {
            null or "" => services.AddLiteDbStorage(configuration),
            _ when provider.Equals("LiteDb", StringComparison.OrdinalIgnoreCase) => services.AddLiteDbStorage(configuration),
            _ when provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) => services.AddPostgresStorage(configuration),
            _ => throw new InvalidOperationException($"{ProviderKey} is '{provider}'; it must be LiteDb or Postgres."),
        };
    }
}
