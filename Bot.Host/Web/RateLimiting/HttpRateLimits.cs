using System.Globalization;
using System.Threading.RateLimiting;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Engine.RateLimiting;
using Bot.Host.Web.Dashboard;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bot.Host.Web.RateLimiting;

/// <summary>
/// ASP.NET Core's rate-limiting middleware for the HTTP endpoints without a limit of their own: one named policy per
/// kind of endpoint (<c>RequireRateLimiting</c> where it is mapped), partitioned by client address, or by account once
/// a dashboard session names one. The buckets are <see cref="ClockedTokenBucket"/>s on the injected
/// <see cref="TimeProvider"/> (the framework's replenish on Stopwatch). A refusal is 429 with Retry-After and a
/// problem body. The address is the connection's: behind a reverse proxy every visitor shares the proxy's bucket.
/// </summary>
internal static class HttpRateLimits
{
    public const string SignIn = "sign-in";
    public const string Exports = "exports";
    public const string Evidence = "evidence";
    public const string Webhooks = "webhooks";

    public static IServiceCollection AddHttpRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpRateLimitOptions>()
            .Bind(configuration.GetSection(HttpRateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(SignIn, http => PerMinute(http, Address(http), o => o.SignInPerMinute));
            limiter.AddPolicy(Exports, http => PerMinute(http, AccountOrAddress(http), o => o.ExportsPerMinute));
            limiter.AddPolicy(Evidence, http => PerMinute(http, Address(http), o => o.EvidencePerMinute));
            limiter.AddPolicy(Webhooks, http => PerMinute(http, Address(http), o => o.WebhooksPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(HttpContext http, string key, Func<HttpRateLimitOptions, int> limit)
    {
        var perMinute = limit(http.RequestServices.GetRequiredService<IOptions<HttpRateLimitOptions>>().Value);
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get(key, _ => new ClockedTokenBucket(perMinute, perMinute, time));
    }

    private static string Address(HttpContext http) => "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>The signed-in coordinator (so colleagues behind one office address do not share a bucket), else the address.</summary>
    private static string AccountOrAddress(HttpContext http) =>
        http.RequestServices.GetRequiredService<DashboardSessionStore>().Find(DashboardCookie.Read(http.Request)) is { } session
            ? "account:" + session.UserId
            : Address(http);

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = "Terlalu banyak permintaan dari Anda; coba lagi sebentar lagi.",
            },
        });
    }
}
