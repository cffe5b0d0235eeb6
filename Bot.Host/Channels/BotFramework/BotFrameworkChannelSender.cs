using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// Proactive delivery to Bot Framework channels: send-to-conversation at the stored reference's serviceUrl
/// (protocol §2.2). References are only stored from authenticated requests, so that URL was vouched for.
/// </summary>
internal sealed class BotFrameworkChannelSender(IServiceProvider services) : IChannelSender
{
    /// <summary>Channels this host serves in-process; their references never point at a Connector.</summary>
    private static readonly HashSet<string> InProcessChannels = new(StringComparer.Ordinal) { "directline", "console" };

    public bool CanDeliver(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return !InProcessChannels.Contains(reference.ChannelId) && ConnectorUris.IsServiceUrl(reference.ServiceUrl);
    }

    public async Task SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activities);
        // The connector is a typed HttpClient (transient); resolving it per send keeps its handler fresh.
        var connector = services.GetRequiredService<ConnectorClient>();
        foreach (var activity in activities)
        {
            try
            {
                await connector.SendAsync(reference.ServiceUrl!, reference.ApplyTo(activity, asReply: false), cancellationToken);
            }
            catch (ConnectorException ex) when (ex.Status is { } status)
            {
                // The connector already retried with back-off; tell the reminder sweep whether a later try can help
                // (429/5xx) or the channel refused for good (403, 404…).
                throw new ChannelDeliveryException(status, null, ex.Message, ex);
            }
        }
    }
}
