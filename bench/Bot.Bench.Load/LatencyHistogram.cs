namespace Bot.Bench.Load;

/// <summary>
/// Turn latencies in fixed buckets: 10 µs wide up to 100 ms, then 1 ms wide up to 60 s (anything slower lands in
/// the last bucket). Constant memory whatever the number of turns, so a million-turn soak does not grow the generator.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int FineWidthMicros = 10;
    private const int FineBuckets = 10_000;          // 0 .. 100 ms
    private const int CoarseBuckets = 60_000;        // 100 ms .. 60 s, 1 ms each
    private readonly long[] _counts = new long[FineBuckets + CoarseBuckets];
    private readonly Lock _gate = new();
    private long _total;
    private double _sumMicros;
    private double _maxMicros;

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    public void Record(TimeSpan latency)
    {
        var micros = latency.TotalMicroseconds;
        var index = micros < FineBuckets * FineWidthMicros
            ? (int)(micros / FineWidthMicros)
            : FineBuckets + Math.Min(CoarseBuckets - 1, (int)((micros - (FineBuckets * FineWidthMicros)) / 1000));
        lock (_gate)
        {
            _counts[index]++;
            _total++;
            _sumMicros += micros;
            _maxMicros = Math.Max(_maxMicros, micros);
        }
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0..1), in milliseconds (upper edge of its bucket).</summary>
    public double PercentileMs(double q)
    {
        lock (_gate)
        {
            if (_total == 0)
            {
                return 0;
            }

            var rank = (long)Math.Ceiling(q * _total);
            long seen = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                seen += _counts[i];
                if (seen >= rank)
                {
                    return Math.Min(UpperEdgeMs(i), _maxMicros / 1000);
                }
            }

            return _maxMicros / 1000;
        }
    }

    public double MeanMs
    {
        get
        {
            lock (_gate)
            {
                return _total == 0 ? 0 : _sumMicros / _total / 1000;
            }
        }
    }

    public double MaxMs
    {
        get
        {
            lock (_gate)
            {
                return _maxMicros / 1000;
            }
        }
    }

    private static double UpperEdgeMs(int index) =>
        index < FineBuckets ? (index + 1) * FineWidthMicros / 1000.0 : 100 + (index - FineBuckets + 1);
}
