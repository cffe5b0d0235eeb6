using Polly;
using Polly.Retry;

namespace Bot.Host.Channels;

/// <summary>What a channel's HttpClient retries and how long it waits (<see cref="ChannelRetryPipeline"/>).</summary>
internal sealed class ChannelRetryPolicy
{
    /// <summary>Tries per request, the first included; 1 turns retries off.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>The limit of one attempt; a retry gets a fresh one.</summary>
    public required TimeSpan AttemptTimeout { get; init; }

    /// <summary>Whether an answer or a failure is worth another try.</summary>
    public required Func<Outcome<HttpResponseMessage>, CancellationToken, ValueTask<bool>> ShouldRetry { get; init; }

    /// <summary>The wait before retry number n (0 for the first), given the channel's Retry-After when it sent one.</summary>
    public required Func<int, TimeSpan?, TimeSpan> Delay { get; init; }

    /// <summary>Told of each retry before its wait (for the channel's log).</summary>
    public required Func<OnRetryArguments<HttpResponseMessage>, ValueTask> OnRetry { get; init; }

    /// <summary><paramref name="first"/> × <paramref name="factor"/>^<paramref name="retry"/>, at most <paramref name="cap"/>.</summary>
    public static TimeSpan Exponential(TimeSpan first, double factor, int retry, TimeSpan cap) =>
        TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(factor, retry), cap.Ticks));

    /// <summary><paramref name="wait"/>, at most <paramref name="cap"/>.</summary>
    public static TimeSpan Capped(TimeSpan wait, TimeSpan cap) => wait < cap ? wait : cap;
}
