namespace Bot.Dialogs.Engine.RateLimiting;

/// <summary>
/// A token bucket that refills continuously: <paramref name="tokenLimit"/> at once, then
/// <paramref name="tokensPerMinute"/> spread evenly over each minute.
/// </summary>
public sealed class ClockedTokenBucket(int tokenLimit, double tokensPerMinute, TimeProvider time, LiveLimiterCount? live = null)
    : ClockedRateLimiter(time, live)
{
    private readonly double _perTick = tokensPerMinute / TimeSpan.TicksPerMinute;
    private double _tokens = tokenLimit;
    private DateTimeOffset _updated = time.GetUtcNow();
    private DateTimeOffset _fullAt = time.GetUtcNow();

    protected override long Available(DateTimeOffset now) => (long)Refill(now);

    protected override TimeSpan? TryTake(int permitCount, DateTimeOffset now)
    {
        if (Refill(now) < permitCount)
        {
            return TimeSpan.FromTicks((long)Math.Ceiling((permitCount - _tokens) / _perTick));
        }

        _tokens -= permitCount;
        _fullAt = now.AddTicks((long)Math.Ceiling((tokenLimit - _tokens) / _perTick));
        return null;
    }

    protected override DateTimeOffset? FullSince(DateTimeOffset now) => now >= _fullAt ? _fullAt : null;

    private double Refill(DateTimeOffset now)
    {
        _tokens = Math.Min(tokenLimit, _tokens + ((now - _updated).Ticks * _perTick));
        _updated = now;
        return _tokens;
    }
}
