using Bot.Dialogs.Engine;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Registers and maps the built-in Direct Line 3.0 server (the web chat's channel).</summary>
internal static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
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
