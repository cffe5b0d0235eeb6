namespace Bot.Bench.Load;

/// <summary>The figures of one run, written as JSON to bench/out and printed as a table.</summary>
internal sealed class BenchResult
{
    public string Label { get; init; } = string.Empty;
    public string Mode { get; init; } = string.Empty;
    public string Url { get; init; } = string.Empty;
    public int Hosts { get; init; } = 1;
    public string Script { get; init; } = string.Empty;
    public int Concurrency { get; init; }
    public long WarmupTurns { get; init; }
    public long MeasuredTurns { get; init; }
    public long Conversations { get; init; }
    public double Seconds { get; init; }
    public double TurnsPerSecond { get; init; }
    public double P50Ms { get; init; }
    public double P90Ms { get; init; }
    public double P99Ms { get; init; }
    public double MaxMs { get; init; }
    public double MeanMs { get; init; }

    /// <summary>CPU time of the host processes (summed) per measured turn, in ms; null without --pid.</summary>
    public double? HostCpuMsPerTurn { get; init; }

    /// <summary>CPU time of the database server per measured turn, in ms; null without --db-pid.</summary>
    public double? DbCpuMsPerTurn { get; init; }

    /// <summary>CPU time of this load generator per measured turn, in ms, over the measured window only.</summary>
    public double ClientCpuMsPerTurn { get; init; }

    public long Errors { get; init; }
    public List<string> FirstErrors { get; init; } = [];
    public bool TimedOut { get; init; }
    public double? PeakRssMiB { get; init; }
    public double? HighWaterMiB { get; init; }
    public List<RssPoint> RssTrend { get; init; } = [];
    public double? RssSlopeMiBPer100kTurns { get; init; }

    public void PrintTable(TextWriter output)
    {
        output.WriteLine($"| {"run",-22} | {"turns",9} | {"turns/s",8} | {"p50 ms",7} | {"p90 ms",7} | {"p99 ms",7} | {"max ms",8} | {"errors",6} | {"peak RSS MiB",12} |");
        output.WriteLine($"|{new string('-', 24)}|{new string('-', 11)}|{new string('-', 10)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 10)}|{new string('-', 8)}|{new string('-', 14)}|");
        output.WriteLine($"| {Label,-22} | {MeasuredTurns,9} | {TurnsPerSecond,8:0.0} | {P50Ms,7:0.00} | {P90Ms,7:0.00} | {P99Ms,7:0.00} | {MaxMs,8:0.0} | {Errors,6} | {HighWaterMiB ?? PeakRssMiB,12:0.0} |");
        if (HostCpuMsPerTurn is { } hostCpu)
        {
            output.WriteLine($"CPU per turn: hosts {hostCpu:0.000} ms" + (DbCpuMsPerTurn is { } dbCpu ? $", database {dbCpu:0.000} ms" : string.Empty) + $", load client {ClientCpuMsPerTurn:0.000} ms");
        }
        else
        {
            output.WriteLine($"CPU per turn: load client {ClientCpuMsPerTurn:0.000} ms");
        }

        if (RssSlopeMiBPer100kTurns is { } slope)
        {
            output.WriteLine($"RSS trend after warm-up: {slope:+0.00;-0.00} MiB per 100k turns over {RssTrend.Count} samples");
        }

        foreach (var error in FirstErrors)
        {
            output.WriteLine("error: " + error);
        }
    }
}

/// <summary>The host's resident memory after a number of turns.</summary>
internal sealed record RssPoint(long Turns, double Seconds, double RssMiB)
{
    /// <summary>Least-squares slope of RSS over turns, ignoring the first fifth (warm-up, caches filling).</summary>
    public static double? SlopePer100k(IReadOnlyList<RssPoint> points)
    {
        var settled = points.Skip(points.Count / 5).ToList();
        if (settled.Count < 3)
        {
            return null;
        }

        var meanX = settled.Average(p => (double)p.Turns);
        var meanY = settled.Average(p => p.RssMiB);
        var covariance = settled.Sum(p => (p.Turns - meanX) * (p.RssMiB - meanY));
        var variance = settled.Sum(p => (p.Turns - meanX) * (p.Turns - meanX));
        return variance == 0 ? null : Math.Round(covariance / variance * 100_000, 2);
    }
}
