using System.Globalization;
using System.Text;
using Bot.Dialogs.Reminders;
using Bot.Tests.Reliability;
using Dapper;
using Npgsql;

namespace Bot.Tests.Storage;

/// <summary>
/// What the three-host kill test prints when reminders due stayed unsent (round 15 of bench/kill-test.sh failed with
/// no more than "not every reminder due was sent"): every such row's state, which host swept when, the Quartz tables
/// (trigger state, firings in progress, nodes' check-ins) and the hosts' reminder log lines; the hosts' whole logs are
/// kept in a folder under /tmp, named in the message, since the hosts' data folders are deleted with the test.
/// </summary>
internal static class KillTestDiagnostics
{
    private const int LogLinesPerHost = 40;

    public static string Unsent(
        IReadOnlyList<ReminderItem> rows, IReadOnlySet<string> moved, IReadOnlyList<HostProcess> hosts, int victim, DateTime killedAt, string connectionString)
    {
        var now = DateTime.UtcNow;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"now = kill + {(now - killedAt).TotalSeconds:F1} s; host {victim} killed");
        foreach (var row in rows.Where(r => moved.Contains(r.Id) && r.Status != ReminderStatus.Sent).OrderBy(r => r.RecipientId, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"row {row.Id} ({row.RecipientId}, {row.CommitmentCode}): {row.Status}, attempts {row.Attempts}, wake {Relative(row.WakeAt, killedAt)}, " +
                $"claim {row.ClaimId ?? "-"} at {(row.ClaimedAt is { } at ? Relative(at, killedAt) : "-")}, outcome {row.Outcome ?? "-"}, message {row.MessageId ?? "-"}");
        }

        foreach (var host in hosts)
        {
            var sweeps = Firings(host.Output).ToList();
            var after = sweeps.Count(s => s > killedAt);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"host {host.Id}{(host.Id == victim ? " (killed)" : string.Empty)}: {sweeps.Count} sweep firings, {after} after the kill, last fired {(sweeps.Count == 0 ? "-" : Relative(sweeps.Max(), killedAt))}");
        }

        text.Append(Quartz(connectionString, killedAt));
        var folder = KeepLogs(hosts);
        foreach (var host in hosts)
        {
            var lines = host.Output.Split('\n').Where(IsReminderLine).TakeLast(LogLinesPerHost).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"host {host.Id}, last {lines.Count} reminder lines:");
            lines.ForEach(l => text.AppendLine("  " + l.TrimEnd()));
        }

        text.AppendLine("hosts' logs kept in " + folder);
        return text.ToString();
    }

    private static string Quartz(string connectionString, DateTime killedAt)
    {
        var text = new StringBuilder();
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            foreach (var t in connection.Query<(string Name, string State, long? Next, long? Previous)>(
                "select trigger_name, trigger_state, next_fire_time, prev_fire_time from qrtz_triggers where trigger_group = 'reminders' and trigger_name like 'reminder-sweep%'"))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"quartz trigger {t.Name}: {t.State}, next {Ticks(t.Next, killedAt)}, previous {Ticks(t.Previous, killedAt)}");
            }

            foreach (var f in connection.Query<(string Trigger, string Instance, string State, long Fired)>(
                "select trigger_name, instance_name, state, fired_time from qrtz_fired_triggers order by fired_time"))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"quartz fired {f.Trigger} on {f.Instance}: {f.State}, fired {Ticks(f.Fired, killedAt)}");
            }

            foreach (var s in connection.Query<(string Instance, long Checkin)>("select instance_name, last_checkin_time from qrtz_scheduler_state"))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"quartz node {s.Instance}: checked in {Ticks(s.Checkin, killedAt)}");
            }
        }
        catch (NpgsqlException ex)
        {
            text.AppendLine("quartz tables not read: " + ex.Message);
        }

        return text.ToString();
    }

    /// <summary>How many rows the live hosts took over from an earlier claim, and how many marks found their claim lost.</summary>
    public static (int TakenOver, int ClaimsLost) Takeovers(IEnumerable<HostProcess> hosts)
    {
        var output = hosts.Select(h => h.Output).ToList();
        return (output.Sum(o => Count(o, "was left sending by an earlier claim")), output.Sum(o => Count(o, "is no longer held by this sweep")));
    }

    /// <summary>Writes each host's whole log into a new folder under /tmp (the hosts' data folders go with the test).</summary>
    /// <returns>The folder.</returns>
    public static string KeepLogs(IReadOnlyList<HostProcess> hosts)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kill-test-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        foreach (var host in hosts)
        {
            File.WriteAllText(Path.Combine(folder, $"host-{host.Id}.log"), host.Output);
        }

        return folder;
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static bool IsReminderLine(string line) =>
        line.Contains("Reminder", StringComparison.Ordinal) || line.Contains("Quartz", StringComparison.Ordinal) || line.Contains("fail", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<DateTime> Firings(string output) =>
        output.Split('\n')
            .Where(l => l.Contains("Job firing: reminders.reminder-sweep scheduled ", StringComparison.Ordinal) && l.Contains(" fired ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(" fired ", StringComparison.Ordinal) + 7)..].Split(' ')[0])
            .Select(at => DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));

    private static string Relative(DateTime at, DateTime killedAt) =>
        at == ReminderItem.Never ? "never" : string.Create(CultureInfo.InvariantCulture, $"kill {(at - killedAt).TotalSeconds:+0.0;-0.0} s");

    /// <summary>Quartz stores times as UTC ticks.</summary>
    private static string Ticks(long? ticks, DateTime killedAt) =>
        ticks is { } t and > 0 ? Relative(new DateTime(t, DateTimeKind.Utc), killedAt) : "-";
}
