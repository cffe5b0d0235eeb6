using System.ComponentModel.DataAnnotations;

namespace Bot.Dialogs.Engine;

/// <summary>
/// Per-user message rate limit (configuration section <c>RateLimit</c>). appsettings.json turns it on (30 a minute,
/// bursts of 10); without configuration it is off, so hosts built in tests, which chat at machine speed on a
/// frozen clock, are not throttled unless they ask for it.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimit";

    /// <summary>Sustained messages per minute per channel account; 0 turns the limit off.</summary>
    [Range(0, int.MaxValue)]
    public int TurnsPerMinute { get; set; }

    /// <summary>Messages a user may send at once before the per-minute rate applies.</summary>
    [Range(1, int.MaxValue)]
    public int Burst { get; set; } = 10;
}
