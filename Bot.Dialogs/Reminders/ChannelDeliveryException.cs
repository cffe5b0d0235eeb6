using System.Net;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// A channel refused a proactive message. Channel senders may throw this (or an <see cref="HttpRequestException"/>
/// with a status code) so the sweep can tell a retryable refusal (429, 5xx) from a final one, and wait as long
/// as the channel's Retry-After asked.
/// </summary>
public sealed class ChannelDeliveryException(HttpStatusCode statusCode, TimeSpan? retryAfter, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsTransient => StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)StatusCode >= 500;
}
