using System.ComponentModel.DataAnnotations;

namespace Bot.Dialogs.Tips;

/// <summary>Limits of the anonymous tip line (configuration section <c>Tips</c>).</summary>
public sealed class TipOptions
{
    public const string SectionName = "Tips";

    /// <summary>Largest photo accepted, in bytes.</summary>
    [Range(10_000, 20_000_000)]
    public int MaxPhotoBytes { get; set; } = 5_000_000;

    /// <summary>Tips (and follow-ups) one sender may send per <see cref="SubmissionWindow"/>.</summary>
    [Range(1, 100)]
    public int SubmissionsPerWindow { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SubmissionWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Tracking-code lookups one sender may make per <see cref="LookupWindow"/> (guessing codes).</summary>
    [Range(1, 1000)]
    public int LookupsPerWindow { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LookupWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often coordinators are told how many tips are new (a count only; <see cref="TipAlerts"/>).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AlertInterval { get; set; } = TimeSpan.FromMinutes(5);
}
