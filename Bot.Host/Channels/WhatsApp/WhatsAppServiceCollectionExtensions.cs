using Bot.Dialogs.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>Registers the WhatsApp Cloud API channel; it stays dormant (404, no sends) unless WhatsApp:Enabled is true.</summary>
internal static class WhatsAppServiceCollectionExtensions
{
    public static IServiceCollection AddWhatsApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WhatsAppOptions>()
            .Bind(configuration.GetSection(WhatsAppOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WhatsAppOptions>, WhatsAppOptionsValidator>();

        services.AddHttpClient(GraphClient.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value.GraphTimeout);
        services.AddHttpClient(GraphClient.SendClientName).AddGraphSendResilience();
        services.AddSingleton<GraphClient>();
        services.AddSingleton<InboundActivityMapper>();
        services.AddSingleton<WhatsAppSender>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<InboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton<IChannelSender, WhatsAppChannelSender>();
        services.AddSingleton<IAttachmentSource, WhatsAppAttachmentSource>();
        return services;
    }
}
