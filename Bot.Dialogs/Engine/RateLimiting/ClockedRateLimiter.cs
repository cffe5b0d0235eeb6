using System.Threading.RateLimiting;

namespace Bot.Dialogs.Engine.RateLimiting;

/// <summary>
/// A <see cref="RateLimiter"/> whose permits are worked out from a <see cref="TimeProvider"/> at each request. The
/// framework's own limiters replenish from Stopwatch and take no TimeProvider (dotnet/runtime#106447), so our rules
/// (TimeProvider only, no real-time waits in tests) need this one seam; partitioning, leases, Retry-After metadata
/// and forgetting idle partitions stay with <see cref="PartitionedRateLimiter"/>. Requests never queue.
/// </summary>
public abstract class ClockedRateLimiter : RateLimiter
{
    private readonly LiveLimiterCount? _live;
    private long _successful;
    private long _failed;
    private bool _refusedSinceGrant;
    private bool _disposed;

    protected ClockedRateLimiter(TimeProvider time, LiveLimiterCount? live)
    {
        Time = time;
        _live = live;
        live?.Add();
    }

    protected TimeProvider Time { get; }

    /// <summary>Guards the subclass's state; every override below runs under it.</summary>
    protected object Gate { get; } = new();

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (Gate)
            {
                return FullSince(Time.GetUtcNow()) is { } since ? Time.GetUtcNow() - since : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (Gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Available(Time.GetUtcNow()),
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    /// <summary>Whole permits free now.</summary>
    protected abstract long Available(DateTimeOffset now);

    /// <summary>Takes the permits, or returns how long until they would be there (nothing taken).</summary>
    protected abstract TimeSpan? TryTake(int permitCount, DateTimeOffset now);

    /// <summary>Since when every permit has been free (null while some are taken): how the partition is forgotten.</summary>
    protected abstract DateTimeOffset? FullSince(DateTimeOffset now);

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (TryTake(permitCount, Time.GetUtcNow()) is not { } wait)
            {
                _successful++;
                _refusedSinceGrant = false;
                return ClockedLease.Granted;
            }

            _failed++;
            var first = !_refusedSinceGrant;
            _refusedSinceGrant = true;
            return new ClockedLease(false, wait, first);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    protected override void Dispose(bool disposing)
    {
        lock (Gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _live?.Remove();
            }
        }

        base.Dispose(disposing);
    }
}

/// <summary>How many partition limiters are alive (partitions the framework has not forgotten yet).</summary>
public sealed class LiveLimiterCount
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    internal void Add() => Interlocked.Increment(ref _count);

    internal void Remove() => Interlocked.Decrement(ref _count);
}
