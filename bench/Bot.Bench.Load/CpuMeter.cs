using System.Globalization;

namespace Bot.Bench.Load;

/// <summary>
/// CPU time (user + system, from <c>/proc/&lt;pid&gt;/stat</c>) of the hosts under test and of the database server
/// (its main process, its live children and the children it has reaped), so a run reports CPU per turn next to
/// turns/s: on a shared machine the first moves far less with the neighbours than the second.
/// </summary>
internal sealed class CpuMeter(IReadOnlyList<int> hostPids, int? dbPid)
{
    /// <summary>USER_HZ, the unit of the times in /proc/&lt;pid&gt;/stat; 100 on every Linux build we run on.</summary>
    private const double TicksPerSecond = 100;

    public CpuSnapshot Read() => new(hostPids.Sum(pid => OwnTicks(pid)), dbPid is { } db ? TreeTicks(db) : 0);

    private static long TreeTicks(int pid)
    {
        var total = OwnTicks(pid, withReapedChildren: true);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && child != pid && Fields(child) is { } fields && fields[1] == pid.ToString(CultureInfo.InvariantCulture))
            {
                total += Ticks(fields, withReapedChildren: false);
            }
        }

        return total;
    }

    private static long OwnTicks(int pid, bool withReapedChildren = false) =>
        Fields(pid) is { } fields ? Ticks(fields, withReapedChildren) : 0;

    /// <summary>Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // gone
        }
    }

    private static long Ticks(string[] fields, bool withReapedChildren)
    {
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return withReapedChildren ? ticks + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : ticks;
    }

    /// <summary>Milliseconds of CPU per turn between two snapshots.</summary>
    public static (double Host, double Db) PerTurnMs(CpuSnapshot from, CpuSnapshot to, long turns) =>
        turns == 0 ? (0, 0) : ((to.HostTicks - from.HostTicks) * 1000 / TicksPerSecond / turns, (to.DbTicks - from.DbTicks) * 1000 / TicksPerSecond / turns);
}

/// <summary>CPU ticks of the hosts and of the database at one moment.</summary>
internal readonly record struct CpuSnapshot(long HostTicks, long DbTicks);
