using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Microsoft.Extensions.Http;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// Proactive delivery to Bot Framework channels: send-to-conversation at the stored reference's serviceUrl
/// (protocol §2.2). References are only stored from authenticated requests, so that URL was vouched for. The
/// Connector keeps no transcript here, so this is at least once: the record is written after the channel accepted,
/// and a repeat carries the same <c>channelData.clientActivityID</c> for the receiver to de-duplicate by.
/// </summary>
internal sealed class BotFrameworkChannelSender(IHttpClientFactory clients, ITypedHttpClientFactory<ConnectorClient> connectors) : IChannelSender
{
    /// <summary>Channels this host serves in-process; their references never point at a Connector.</summary>
    private static readonly HashSet<string> InProcessChannels = new(StringComparer.Ordinal) { "directline", "console" };

    public bool CanDeliver(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return !InProcessChannels.Contains(reference.ChannelId) && ConnectorUris.IsServiceUrl(reference.ServiceUrl);
    }

    public async Task DeliverAsync(ConversationReference reference, ProactiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(message);
        // The typed client's HttpClient comes from the factory per send, so its handler rotates as the factory
        // intends (a singleton holding one would keep its DNS answers forever).
        var connector = connectors.CreateClient(clients.CreateClient(nameof(ConnectorClient)));
        try
        {
            await connector.SendAsync(reference.ServiceUrl!, message.Activity, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.Status is { } status)
        {
            // The connector already retried with back-off; tell the reminder sweep whether a later try can help
            // (429/5xx) or the channel refused for good (403, 404…).
            throw new ChannelDeliveryException(status, null, ex.Message, ex);
        }

        await message.Record.WriteAfterSendAsync(cancellationToken);
    }
}
