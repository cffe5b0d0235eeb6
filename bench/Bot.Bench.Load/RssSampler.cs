using System.Globalization;

namespace Bot.Bench.Load;

/// <summary>
/// Samples a process's memory from <c>/proc/&lt;pid&gt;/status</c>: VmRSS (resident now) and VmHWM (the kernel's
/// own peak), every <c>interval</c> while running, so the peak is known even between samples.
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RssSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _loop = LoopAsync(interval, _stop.Token);
    }

    /// <summary>Largest VmRSS seen by sampling, in MiB.</summary>
    public double PeakRssMiB { get; private set; }

    /// <summary>The kernel's high-water mark (VmHWM) at the last sample, in MiB: the true peak since the process started.</summary>
    public double HighWaterMiB { get; private set; }

    /// <summary>VmRSS now, in MiB (0 when the process is gone).</summary>
    public double CurrentRssMiB() => Read().Rss;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            var (rss, hwm) = Read();
            PeakRssMiB = Math.Max(PeakRssMiB, rss);
            HighWaterMiB = Math.Max(HighWaterMiB, hwm);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private (double Rss, double Hwm) Read()
    {
        try
        {
            double rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) / 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kilobytes(line) / 1024;
                }
            }

            return (rss, hwm);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
