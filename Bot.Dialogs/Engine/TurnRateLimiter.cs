using System.Threading.RateLimiting;
using Bot.Dialogs.Engine.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Engine;

/// <summary>
/// Per-user token buckets (options <c>RateLimit</c>) in a System.Threading.RateLimiting partitioned limiter: each
/// channel account gets <see cref="RateLimitOptions.Burst"/> turns at once and <see cref="RateLimitOptions.TurnsPerMinute"/>
/// after that. The framework forgets a bucket once it has been full for a while, so memory stays flat however many
/// users pass by. This wrapper only turns a lease into a <see cref="RateDecision"/> that tells the user once per wait.
/// </summary>
public sealed class TurnRateLimiter : IDisposable
{
    private readonly IOptionsMonitor<RateLimitOptions> _options;
    private readonly LiveLimiterCount _live = new();
    private readonly PartitionedRateLimiter<string> _buckets;

    public TurnRateLimiter(IOptionsMonitor<RateLimitOptions> options, TimeProvider time)
    {
        _options = options;
        // A bucket takes the settings of its creation; one idle long enough to be forgotten starts again with new ones.
        _buckets = PartitionedRateLimiter.Create<string, string>(userKey => RateLimitPartition.Get(userKey, _ =>
        {
            var settings = options.CurrentValue;
            return new ClockedTokenBucket(Math.Max(1, settings.Burst), settings.TurnsPerMinute, time, _live);
        }), StringComparer.Ordinal);
    }

    /// <summary>Buckets held now (for tests and diagnostics).</summary>
    internal int TrackedUsers => _live.Count;

    /// <summary>Takes one turn from <paramref name="userKey"/>'s bucket, or says how long to wait.</summary>
    public RateDecision TryAcquire(string userKey)
    {
        if (_options.CurrentValue.TurnsPerMinute <= 0)
        {
            return RateDecision.Allowed;
        }

        using var lease = _buckets.AttemptAcquire(userKey);
        return lease.IsAcquired
            ? RateDecision.Allowed
            : new RateDecision(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1),
                lease.TryGetMetadata(ClockedLease.FirstRefusal, out var first) && first);
    }

    public void Dispose() => _buckets.Dispose();
}

/// <summary>Whether a turn may run; when not, how long until it may and whether to tell the user (once per wait).</summary>
public readonly record struct RateDecision(bool IsAllowed, TimeSpan RetryAfter, bool ShouldNotify)
{
    public static RateDecision Allowed { get; } = new(true, TimeSpan.Zero, false);
}
