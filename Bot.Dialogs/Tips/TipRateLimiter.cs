using System.Security.Cryptography;
using System.Text;

namespace Bot.Dialogs.Tips;

/// <summary>
/// Limits how often one sender may submit tips or try tracking codes, without keeping who the sender is: the
/// key is HMAC-SHA256 of the sender's channel account under a secret made at process start and never written
/// anywhere, and only the times of the last attempts within the window are kept, in memory.
/// </summary>
public sealed class TipRateLimiter(TimeProvider time)
{
    private const int MaxTrackedSenders = 100_000;
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, Attempts> _attempts = new(StringComparer.Ordinal);

    /// <summary>Counts an attempt of <paramref name="action"/>; false (not counted) when the limit is reached.</summary>
    public bool TryAcquire(string action, string senderKey, int limit, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrEmpty(senderKey);
        var key = KeyFor(action, senderKey);
        var now = time.GetUtcNow();
        lock (_attempts)
        {
            Forget(now);
            if (!_attempts.TryGetValue(key, out var attempts))
            {
                if (_attempts.Count >= MaxTrackedSenders)
                {
                    // Under a flood, refuse newcomers rather than grow without bound.
                    return false;
                }

                attempts = new Attempts(window);
                _attempts[key] = attempts;
            }

            if (attempts.Times.Count >= limit)
            {
                return false;
            }

            attempts.Times.Add(now);
            return true;
        }
    }

    /// <summary>True when an attempt now would be refused; counts nothing (the dialog warns before the user types a tip).</summary>
    public bool IsExhausted(string action, string senderKey, int limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(senderKey);
        var key = KeyFor(action, senderKey);
        lock (_attempts)
        {
            Forget(time.GetUtcNow());
            return _attempts.TryGetValue(key, out var attempts) ? attempts.Times.Count >= limit : _attempts.Count >= MaxTrackedSenders;
        }
    }

    private string KeyFor(string action, string senderKey) =>
        Convert.ToHexString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(action + "\n" + senderKey)));

    /// <summary>Drops attempts older than their window, and senders with none left.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, attempts) in _attempts)
        {
            attempts.Times.RemoveAll(t => t <= now - attempts.Window);
            if (attempts.Times.Count == 0)
            {
                _attempts.Remove(key);
            }
        }
    }

    internal int TrackedSenders
    {
        get
        {
            lock (_attempts)
            {
                return _attempts.Count;
            }
        }
    }

    private sealed record Attempts(TimeSpan Window)
    {
        public List<DateTimeOffset> Times { get; } = [];
    }
}
