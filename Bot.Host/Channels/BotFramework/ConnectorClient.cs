using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bot.Dialogs.Activities;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// Posts activities to a channel through the Bot Connector REST API (protocol §2), with the bot's token when it
/// has credentials. Throttling, server errors and network failures are retried with back-off (Retry-After
/// wins); a 401 gets one fresh token and another try. Every wait goes through <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class ConnectorClient(
    HttpClient http,
    ConnectorTokenProvider tokens,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<ConnectorClient> logger)
{
    /// <summary>
    /// Sends to <paramref name="serviceUrl"/>: reply-to-activity when the activity has a replyToId, else
    /// send-to-conversation. Returns the id the channel gave the activity, when it gave one.
    /// </summary>
    public Task<string?> SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var uri = ConnectorUris.Activities(serviceUrl, conversationId, activity.ReplyToId);
        // The id is the channel's to assign (A2031).
        return PostAsync(uri, activity with { Id = null }, cancellationToken);
    }

    private async Task<string?> PostAsync(Uri uri, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        string? rejectedToken = null;
        var refreshedAfter401 = false;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode? status = null;
            string? operationId = null;
            RetryConditionHeaderValue? retryAfter = null;
            Exception? failure = null;
            try
            {
                var token = tokens.HasCredentials ? await tokens.GetTokenAsync(rejectedToken, cancellationToken) : null;
                using var response = await SendOnceAsync(uri, activity, token, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return await ReadIdAsync(response, cancellationToken);
                }

                status = response.StatusCode;
                operationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
                retryAfter = response.Headers.RetryAfter;
                if (status == HttpStatusCode.Unauthorized && token is not null && !refreshedAfter401)
                {
                    // An expired or revoked token: one fresh token, one more try, not counted as a failure.
                    rejectedToken = token;
                    refreshedAfter401 = true;
                    attempt--;
                    continue;
                }
            }
            catch (HttpRequestException ex)
            {
                status = ex.StatusCode;
                failure = ex;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ex; // the HttpClient timeout, not our caller
            }

            if (!RetryDelays.IsTransient(status) || attempt >= settings.DeliveryMaxAttempts)
            {
                LogDeliveryFailed((int?)status, operationId, attempt);
                throw new ConnectorException($"The channel did not accept the activity ({(status is null ? "unreachable" : (int)status)}).", status, operationId, failure);
            }

            var delay = RetryDelays.Next(attempt, retryAfter, time.GetUtcNow(), settings.DeliveryBaseDelay, settings.DeliveryMaxDelay);
            LogRetrying((int?)status, delay, attempt);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Uri uri, Activity activity, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(activity, options: ActivityJson.Options),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request, cancellationToken);
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

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Channel answered {StatusCode}; retrying in {Delay} (attempt {Attempt})")]
    private partial void LogRetrying(int? statusCode, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Channel refused an activity with {StatusCode} after {Attempts} attempt(s); operation {OperationId}")]
    private partial void LogDeliveryFailed(int? statusCode, string? operationId, int attempts);
}
