using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Web.RateLimiting;

/// <summary>
/// Requests per minute the HTTP endpoints take from one client (configuration section <c>HttpRateLimit</c>). The
/// web chat's own quotas stay in <c>DirectLine</c>, the per-person turn and tip limits in <c>RateLimit</c>/<c>Tips</c>.
/// </summary>
internal sealed class HttpRateLimitOptions
{
    public const string SectionName = "HttpRateLimit";

    /// <summary>Sign-in link pages and posts (<c>/dasbor/masuk</c>) per client address.</summary>
    [Range(1, 100_000)]
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>CSV and XLSX exports per signed-in account (per address before sign-in): each reads every row.</summary>
    [Range(1, 100_000)]
    public int ExportsPerMinute { get; set; } = 10;

    /// <summary>Evidence files behind signed links (<c>/bukti/</c>) per client address.</summary>
    [Range(1, 100_000)]
    public int EvidencePerMinute { get; set; } = 120;

    /// <summary>
    /// Channel webhooks (<c>/api/messages</c>, <c>/api/whatsapp</c>) per client address. Generous: Azure and Meta send
    /// everyone's messages from a few addresses; per-person limits are the turn limiter's.
    /// </summary>
    [Range(1, 1_000_000)]
    public int WebhooksPerMinute { get; set; } = 3000;
}
