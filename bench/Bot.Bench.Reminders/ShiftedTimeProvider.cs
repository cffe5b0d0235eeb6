namespace Bot.Bench.Reminders;

/// <summary>Real time moved to a simulated date: it flows at wall-clock speed, so lateness is real.</summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void MoveTo(DateTimeOffset simulatedNow) => _offset = simulatedNow - System.GetUtcNow();
}
