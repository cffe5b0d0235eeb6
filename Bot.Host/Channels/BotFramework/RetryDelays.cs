using System.Net;
using System.Net.Http.Headers;

namespace Bot.Host.Channels.BotFramework;

/// <summary>Which Connector failures are worth another try, and how long to wait before it.</summary>
internal static class RetryDelays
{
    /// <summary>Throttling, server errors and unreachable channels (no status at all) are transient.</summary>
    public static bool IsTransient(HttpStatusCode? status) =>
        status is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>
    /// The channel's Retry-After (seconds or an HTTP date) when it sent one, else exponential back-off from
    /// <paramref name="baseDelay"/>; never more than <paramref name="maxDelay"/>.
    /// </summary>
    public static TimeSpan Next(int failedAttempts, RetryConditionHeaderValue? retryAfter, DateTimeOffset now, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var delay = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => baseDelay * Math.Pow(2, Math.Max(failedAttempts - 1, 0)),
        };
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > maxDelay ? maxDelay : delay;
    }
}
