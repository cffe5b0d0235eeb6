namespace Bot.Dialogs.Engine.RateLimiting;

/// <summary>
/// At most <paramref name="limit"/> permits within any <paramref name="window"/>: the times of the permits still inside
/// the window are all it keeps. A limit of 0 refuses everything (used to turn newcomers away under a flood).
/// </summary>
public sealed class ClockedSlidingLog(int limit, TimeSpan window, TimeProvider time, LiveLimiterCount? live = null)
    : ClockedRateLimiter(time, live)
{
    private readonly Queue<DateTimeOffset> _times = new();
    private DateTimeOffset _emptySince = time.GetUtcNow();

    protected override long Available(DateTimeOffset now) => limit - Forget(now);

    protected override TimeSpan? TryTake(int permitCount, DateTimeOffset now)
    {
        if (Forget(now) + permitCount > limit)
        {
            return _times.Count > 0 ? _times.Peek() + window - now : window;
        }

        for (var i = 0; i < permitCount; i++)
        {
            _times.Enqueue(now);
        }

        return null;
    }

    protected override DateTimeOffset? FullSince(DateTimeOffset now) => Forget(now) == 0 ? _emptySince : null;

    /// <summary>Drops the times that left the window; the count still inside it.</summary>
    private int Forget(DateTimeOffset now)
    {
        while (_times.Count > 0 && _times.Peek() <= now - window)
        {
            _emptySince = _times.Dequeue() + window;
        }

        return _times.Count;
    }
}
