using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Bot.Dialogs.Reminders;

/// <summary>The reminder policy (configuration section <c>Reminders</c>); every local time is in the recipient's zone.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    private const string DayListPattern = @"^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$";

    /// <summary>Days before a deadline or period end that a fokal is reminded, comma-separated ("7,3,1,0"; 0 = on the day).</summary>
    [Required]
    [RegularExpression(DayListPattern)]
    public string DaysBefore { get; set; } = "7,3,1,0";

    /// <summary>Days after a period end without a submitted report that the fokal hears "terlambat".</summary>
    [Range(1, 60)]
    public int OverdueAfterDays { get; set; } = 1;

    /// <summary>Days after a period end that the OPD's coordinators are told, comma-separated.</summary>
    [Required]
    [RegularExpression(DayListPattern)]
    public string EscalationAfterDays { get; set; } = "3,7";

    /// <summary>Local time of day planned reminders go out.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan SendAt { get; set; } = new(8, 0, 0);

    /// <summary>Start of the local quiet hours (nothing is sent from here until <see cref="QuietHoursEnd"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan QuietHoursStart { get; set; } = new(21, 0, 0);

    /// <summary>End of the quiet hours; what fell inside goes out then. Equal to the start disables quiet hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan QuietHoursEnd { get; set; } = new(7, 0, 0);

    /// <summary>Nothing goes out on a local Sunday: reminders before a date move to Saturday, later ones to Monday.</summary>
    public bool SkipSundays { get; set; } = true;

    /// <summary>At most this many reminder messages per user per local day; the rest waits for the next day.</summary>
    [Range(1, 100)]
    public int MaxMessagesPerUserPerDay { get; set; } = 5;

    /// <summary>How often the due-reminder sweep runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed row stays reserved for one delivery attempt before another sweep may take it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A row this much overdue (or due before the host started) is folded into the "terlambat" message.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan CatchUpAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Delivery attempts per row before it is given up as failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay after a failed delivery; doubles per attempt up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Recipients delivered to at the same time within one sweep.</summary>
    [Range(1, 64)]
    public int DeliveryParallelism { get; set; } = 16;

    /// <summary>Rows one sweep claims at most; the rest is left for the next sweep.</summary>
    [Range(1, 1_000_000)]
    public int MaxItemsPerSweep { get; set; } = 20_000;

    internal IReadOnlyList<int> DaysBeforeList => ParseDays(DaysBefore);

    internal IReadOnlyList<int> EscalationDaysList => ParseDays(EscalationAfterDays);

    internal bool HasQuietHours => QuietHoursStart != QuietHoursEnd;

    private static List<int> ParseDays(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, CultureInfo.InvariantCulture))
            .Distinct()
            .OrderByDescending(d => d)
            .ToList();
}
