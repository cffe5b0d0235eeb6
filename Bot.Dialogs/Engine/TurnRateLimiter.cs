using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Engine;

/// <summary>
/// Per-user token bucket in memory (options <c>RateLimit</c>): each channel account gets
/// <see cref="RateLimitOptions.Burst"/> turns at once and <see cref="RateLimitOptions.TurnsPerMinute"/> after that.
/// Sits on the hot path, so one dictionary lookup and a small lock per message; idle buckets are swept now and
/// then so memory stays flat however many users pass by.
/// </summary>
public sealed class TurnRateLimiter(IOptionsMonitor<RateLimitOptions> options, TimeProvider time)
{
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private int _sinceSweep;

    /// <summary>Buckets held now (for tests and diagnostics).</summary>
    internal int TrackedUsers => _buckets.Count;

    /// <summary>Takes one turn from <paramref name="userKey"/>'s bucket, or says how long to wait.</summary>
    public RateDecision TryAcquire(string userKey)
    {
        var settings = options.CurrentValue;
        if (settings.TurnsPerMinute <= 0)
        {
            return RateDecision.Allowed;
        }

        var now = time.GetUtcNow().UtcTicks;
        var perTick = settings.TurnsPerMinute / (double)TimeSpan.TicksPerMinute;
        var burst = Math.Max(1, settings.Burst);
        var bucket = _buckets.GetOrAdd(userKey, static (_, state) => new Bucket(state.burst, state.now), (burst, now));
        RateDecision decision;
        lock (bucket)
        {
            bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.UpdatedTicks) * perTick));
            bucket.UpdatedTicks = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                bucket.Notified = false;
                decision = RateDecision.Allowed;
            }
            else
            {
                var wait = TimeSpan.FromTicks((long)Math.Ceiling((1 - bucket.Tokens) / perTick));
                decision = new RateDecision(false, wait, !bucket.Notified);
                bucket.Notified = true;
            }
        }

        if (Interlocked.Increment(ref _sinceSweep) >= SweepEvery)
        {
            Sweep(now, (long)(burst / perTick));
        }

        return decision;
    }

    /// <summary>Forgets buckets that have been idle long enough to be full again: a new one is the same.</summary>
    private void Sweep(long now, long ticksToFull)
    {
        Interlocked.Exchange(ref _sinceSweep, 0);
        foreach (var (key, bucket) in _buckets)
        {
            if (now - Volatile.Read(ref bucket.UpdatedTicks) >= ticksToFull)
            {
                _buckets.TryRemove(KeyValuePair.Create(key, bucket));
            }
        }
    }

    private sealed class Bucket(double tokens, long updatedTicks)
    {
        public double Tokens = tokens;
        public long UpdatedTicks = updatedTicks;
        public bool Notified;
    }
}

/// <summary>Whether a turn may run; when not, how long until it may and whether to tell the user (once per wait).</summary>
public readonly record struct RateDecision(bool IsAllowed, TimeSpan RetryAfter, bool ShouldNotify)
{
    public static RateDecision Allowed { get; } = new(true, TimeSpan.Zero, false);
}
