using System.ComponentModel.DataAnnotations;

namespace Bot.Dialogs.Dashboard;

/// <summary>The coordinator dashboard (configuration section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The old Base64 HMAC key, read only to accept evidence links issued before Data Protection signed them
    /// (<see cref="Progress.LegacyEvidenceLinks"/>, to be removed with it). Links are now signed with the key ring in
    /// the data folder's <c>keys/</c>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where people reach the host; sign-in links start with it.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>How long a sign-in link stays valid (the issue fixes 15 minutes as the most).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:15:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a dashboard session lasts after sign-in.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
