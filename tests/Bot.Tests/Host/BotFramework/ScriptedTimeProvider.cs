using System.Collections.Concurrent;

namespace Bot.Tests.Host.BotFramework;

/// <summary>
/// A clock that stands still until something waits on it: every timer records the wait it was asked for,
/// moves the clock forward by that much and fires at once. Retry back-off is observable without waiting.
/// </summary>
internal sealed class ScriptedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private long _nowTicks = start.UtcTicks;

    public static DateTimeOffset DefaultStart { get; } = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public ScriptedTimeProvider()
        : this(DefaultStart)
    {
    }

    public IReadOnlyList<TimeSpan> Waits => _waits.ToArray();

    /// <summary>Moves the clock without anyone waiting (tokens growing old).</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _nowTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _nowTicks), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        _waits.Enqueue(dueTime);
        Interlocked.Add(ref _nowTicks, dueTime.Ticks);
        return System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}
