using System.Globalization;
using System.Net;

namespace Bot.Dialogs.Reminders;

/// <summary>What a failed delivery means for the rows: retry later (and when), or give up.</summary>
internal sealed record DeliveryFailure(bool IsTransient, TimeSpan? RetryAfter, string Outcome)
{
    /// <summary>The key under which a sender may put a Retry-After <see cref="TimeSpan"/> into <see cref="Exception.Data"/>.</summary>
    public const string RetryAfterDataKey = "RetryAfter";

    public static DeliveryFailure From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ChannelDeliveryException refused => new(refused.IsTransient, refused.RetryAfter, Describe(refused.StatusCode)),
            HttpRequestException { StatusCode: { } status } http => new(IsTransientStatus(status), RetryAfterOf(http), Describe(status)),
            _ => new(true, RetryAfterOf(exception), exception.GetType().Name),
        };
    }

    /// <summary>
    /// Exponential back-off from the base delay, capped; a channel's Retry-After is a floor, never cut short.
    /// </summary>
    public TimeSpan Delay(int attempt, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 20);
        var backOff = TimeSpan.FromTicks(Math.Min(options.RetryBaseDelay.Ticks * (1L << exponent), options.RetryMaxDelay.Ticks));
        return RetryAfter is { } floor && floor > backOff ? floor : backOff;
    }

    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static TimeSpan? RetryAfterOf(Exception exception) =>
        exception.Data[RetryAfterDataKey] is TimeSpan retryAfter ? retryAfter : null;

    private static string Describe(HttpStatusCode status) =>
        string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}");
}
