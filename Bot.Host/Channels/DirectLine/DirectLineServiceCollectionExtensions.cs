using Bot.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Registers and maps the built-in Direct Line 3.0 server (the web chat's channel).</summary>
internal static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        RequireSharedSigningKey(configuration);
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DirectLineSigningKey>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConfidentialOverlay>();
        services.AddSingleton<ConfidentialFiles>();
        services.AddSingleton<DirectLineAttachments>();
        services.AddSingleton<ActivityFeed>();
        // One host: nothing to tell. The PostgreSQL adapter registers LISTEN/NOTIFY before this.
        services.TryAddSingleton<ITranscriptChangeNotifier, InProcessTranscriptNotifier>();
        services.AddHostedService<RemoteTranscriptRelay>();
        services.AddSingleton<DirectLineTurns>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineAuth>();
        services.AddSingleton<DirectLineQuotas>();
        services.AddSingleton<DeviceCredentials>();
        services.AddSingleton<Bot.Dialogs.Linking.IAccountSignOut, DirectLineSignOut>();
        services.AddSingleton<IChannelSender, DirectLineChannelSender>();
        services.AddSingleton<IAttachmentSource, DirectLineAttachmentSource>();
        return services;
    }

    /// <summary>
    /// With PostgreSQL several hosts serve one web chat, so its tokens must verify on each: a key generated into one
    /// host's data folder would not. The host refuses to start without the configured key.
    /// </summary>
    private static void RequireSharedSigningKey(IConfiguration configuration)
    {
        var key = configuration[DirectLineOptions.SectionName + ":" + nameof(DirectLineOptions.TokenSigningKey)];
        if (Bot.Host.Storage.StorageServiceCollectionExtensions.IsPostgres(configuration) && string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException(
                "Storage:Provider is Postgres, so several hosts may serve the web chat, but DirectLine:TokenSigningKey is not set: "
                + "a key generated per host would make one host refuse another's tokens. Set DirectLine:TokenSigningKey "
                + "(32+ random characters, e.g. `openssl rand -base64 48`) to the same value on every host.");
        }
    }

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        // Protocol-level pings keep idle sockets open through proxies; Web Chat's own empty frames are ignored.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var group = app.MapGroup(DirectLineChannel.BasePath);
        group.MapTokenEndpoints();
        group.MapConversationEndpoints();
        group.MapActivityEndpoints();
        group.MapStreamEndpoint();
        group.MapUploadEndpoint();
        group.MapAttachmentEndpoint();
        return app;
    }
}
