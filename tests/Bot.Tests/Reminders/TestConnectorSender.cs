using System.Net.Http.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;

namespace Bot.Tests.Reminders;

/// <summary>
/// A minimal Bot Framework Connector client for the end-to-end test: POSTs each activity to
/// <c>{serviceUrl}v3/conversations/{id}/activities</c> and turns 429/5xx into a retryable
/// <see cref="ChannelDeliveryException"/> carrying Retry-After. After merging, the integrator may swap it for
/// the host's own Connector sender (Bot.Host/Channels/BotFramework) in <see cref="ReminderEndToEndTests"/>.
/// </summary>
internal sealed class TestConnectorSender(HttpClient http) : IChannelSender
{
    public bool CanDeliver(ConversationReference reference) => reference.ServiceUrl is not null;

    public async Task SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var serviceUrl = reference.ServiceUrl!.EndsWith('/') ? reference.ServiceUrl : reference.ServiceUrl + "/";
        var url = new Uri($"{serviceUrl}v3/conversations/{Uri.EscapeDataString(reference.Conversation.Id!)}/activities");
        foreach (var activity in activities)
        {
            using var response = await http.PostAsJsonAsync(url, activity, ActivityJson.Options, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta;
                throw new ChannelDeliveryException(response.StatusCode, retryAfter, $"The channel answered {(int)response.StatusCode}.");
            }
        }
    }
}
