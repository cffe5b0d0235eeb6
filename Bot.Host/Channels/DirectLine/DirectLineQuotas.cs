using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// What one client may take from the web chat's anonymous door (issue 14, finding 4: 1,000 tokens/generate calls in a
/// second were all stored, and 5 × 10 MB uploads could be repeated without end). Token buckets from
/// System.Threading.RateLimiting: tokens per client address, uploads per client address and per conversation
/// (both must allow it). The address is the connection's: behind a reverse proxy every visitor shares the proxy's
/// bucket (the README says so). The stored-bytes caps are checked by <see cref="DirectLineAttachments"/>.
/// </summary>
internal sealed class DirectLineQuotas : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _tokens;
    private readonly PartitionedRateLimiter<HttpContext> _uploadsByAddress;
    private readonly PartitionedRateLimiter<HttpContext> _uploadsByConversation;
    private readonly PartitionedRateLimiter<HttpContext> _uploads;

    public DirectLineQuotas(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _tokens = PerMinute(settings.TokensPerMinutePerAddress, Address);
        _uploadsByAddress = PerMinute(settings.UploadsPerMinutePerAddress, Address);
        _uploadsByConversation = PerMinute(settings.UploadsPerMinutePerConversation, http => http.Request.RouteValues["conversationId"] as string ?? string.Empty);
        _uploads = PartitionedRateLimiter.CreateChained(_uploadsByAddress, _uploadsByConversation);
    }

    /// <summary>Null when this client may have another token now, else the 429 to answer.</summary>
    public IResult? RefuseToken(HttpContext http) => Refuse(_tokens, http, "Too many conversations from this address; try again in a minute.");

    /// <summary>Null when this client and conversation may upload now, else the 429 to answer.</summary>
    public IResult? RefuseUpload(HttpContext http) => Refuse(_uploads, http, "Too many uploads; try again in a minute.");

    public void Dispose()
    {
        _uploads.Dispose();
        _uploadsByAddress.Dispose();
        _uploadsByConversation.Dispose();
        _tokens.Dispose();
    }

    private static IResult? Refuse(PartitionedRateLimiter<HttpContext> limiter, HttpContext http, string message)
    {
        using var lease = limiter.AttemptAcquire(http);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return DirectLineResults.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", message);
    }

    private static PartitionedRateLimiter<HttpContext> PerMinute(int perMinute, Func<HttpContext, string> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(key(http), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
