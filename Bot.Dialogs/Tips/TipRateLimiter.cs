using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Bot.Dialogs.Engine.RateLimiting;

namespace Bot.Dialogs.Tips;

/// <summary>
/// Limits how often one sender may submit tips or try tracking codes, without keeping who the sender is: the
/// partition key is HMAC-SHA256 of the sender's channel account under a secret made at process start and never
/// written anywhere, and each partition (a System.Threading.RateLimiting partitioned limiter) keeps only the times of
/// the attempts still inside the window, in memory; the framework forgets it once the window is empty.
/// </summary>
public sealed class TipRateLimiter : IDisposable
{
    private const int MaxTrackedSenders = 100_000;
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly LiveLimiterCount _live = new();
    private readonly PartitionedRateLimiter<Attempt> _attempts;

    public TipRateLimiter(TimeProvider time) =>
        _attempts = PartitionedRateLimiter.Create<Attempt, string>(attempt => RateLimitPartition.Get(attempt.Key, _ =>
            // Under a flood, refuse newcomers rather than grow without bound.
            new ClockedSlidingLog(_live.Count >= MaxTrackedSenders ? 0 : attempt.Limit, attempt.Window, time, _live)), StringComparer.Ordinal);

    /// <summary>Counts an attempt of <paramref name="action"/>; false (not counted) when the limit is reached.</summary>
    public bool TryAcquire(string action, string senderKey, int limit, TimeSpan window)
    {
        using var lease = _attempts.AttemptAcquire(AttemptOf(action, senderKey, limit, window));
        return lease.IsAcquired;
    }

    /// <summary>True when an attempt now would be refused; counts nothing (the dialog warns before the user types a tip).</summary>
    public bool IsExhausted(string action, string senderKey, int limit, TimeSpan window) =>
        _attempts.GetStatistics(AttemptOf(action, senderKey, limit, window)) is not { CurrentAvailablePermits: > 0 };

    public void Dispose() => _attempts.Dispose();

    internal int TrackedSenders => _live.Count;

    private Attempt AttemptOf(string action, string senderKey, int limit, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrEmpty(senderKey);
        return new Attempt(Convert.ToHexString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(action + "\n" + senderKey))), limit, window);
    }

    /// <summary>One attempt as the partitioned limiter sees it: the keyed sender and action, and the limit that applies.</summary>
    private readonly record struct Attempt(string Key, int Limit, TimeSpan Window);
}
