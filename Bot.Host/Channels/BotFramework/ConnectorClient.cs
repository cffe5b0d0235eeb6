using System.Net;
using System.Text.Json;
using Bot.Dialogs.Activities;
using Polly.Timeout;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// Posts activities to a channel through the Bot Connector REST API (protocol §2). The HttpClient behind it retries
/// throttling, server errors and network failures (<see cref="ConnectorResilience"/>) and carries the bot's token,
/// refreshed once on a 401 (<see cref="ConnectorAuthenticationHandler"/>); this class only says what came of it.
/// </summary>
internal sealed partial class ConnectorClient(HttpClient http, ILogger<ConnectorClient> logger)
{
    /// <summary>
    /// Sends to <paramref name="serviceUrl"/>: reply-to-activity when the activity has a replyToId, else
    /// send-to-conversation. Returns the id the channel gave the activity, when it gave one.
    /// </summary>
    public async Task<string?> SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        // The id is the channel's to assign (A2031).
        using var request = new HttpRequestMessage(HttpMethod.Post, ConnectorUris.Activities(serviceUrl, conversationId, activity.ReplyToId))
        {
            Content = JsonContent.Create(activity with { Id = null }, options: ActivityJson.Options),
        };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw Refused(request, (ex as HttpRequestException)?.StatusCode, null, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var operationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
                throw Refused(request, response.StatusCode, operationId, null);
            }

            return await ReadIdAsync(response, cancellationToken);
        }
    }

    private ConnectorException Refused(HttpRequestMessage request, HttpStatusCode? status, string? operationId, Exception? failure)
    {
        LogDeliveryFailed((int?)status, operationId, ChannelRetryPipeline.AttemptsOf(request));
        return new ConnectorException($"The channel did not accept the activity ({(status is null ? "unreachable" : (int)status)}).", status, operationId, failure);
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // ResourceResponse {id}; 202 answers and some channels send no body, so the id is optional.
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Channel refused an activity with {StatusCode} after {Attempts} attempt(s); operation {OperationId}")]
    private partial void LogDeliveryFailed(int? statusCode, string? operationId, int attempts);
}
