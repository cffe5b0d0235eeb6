using System.Diagnostics;
using Bot.Dialogs.Reminders;

namespace Bot.Bench.Reminders;

/// <summary>Wall time, managed allocations and the peak working set (sampled every 20 ms) of one sweep.</summary>
internal sealed record Measure(TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, long WorkingSetBefore, long PeakWorkingSet, SweepResult Result)
{
    public static async Task<Measure> RunAsync(Func<Task<SweepResult>> sweep)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(20, CancellationToken.None);
            }
        });

        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = await sweep();
        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        await sampling.CancelAsync();
        await sampler;
        return new Measure(watch.Elapsed, cpu, allocated, before, peak, result);
    }

    public string Describe() =>
        $"Sweep: {Result.Claimed:N0} claimed, {Result.Messages:N0} messages, {Result.Sent:N0} rows sent in {Elapsed.TotalSeconds:F2} s " +
        $"({Result.Sent / Elapsed.TotalSeconds:N0} rows/s, {Cpu.TotalSeconds:F1} s CPU); allocated {AllocatedBytes / 1048576.0:F0} MB; " +
        $"working set {WorkingSetBefore / 1048576.0:F0} MB before, peak {PeakWorkingSet / 1048576.0:F0} MB during";
}
