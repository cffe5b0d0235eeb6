using System.Text.Json;
using Bot.Host.Storage.LiteDb;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Operations;

/// <summary>
/// The framework's health checks on two paths: <c>/healthz</c> is liveness (the process answers; no check runs) and
/// <c>/readyz</c> is readiness (every check tagged <see cref="ReadyTag"/>: the storage files). Ready is 200
/// <c>{"status":"ready"}</c>; not ready is 503 <c>{"status":"storage-unavailable"}</c> with each file's reason and
/// since when, so an operator sees why without reading logs.
/// </summary>
internal static class HealthEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    public const string ReadyTag = "ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddSinergiHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteLiveness });
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReadiness });
        return app;
    }

    private static Task WriteLiveness(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(new { status = "ok" }, Json, http.RequestAborted);

    private static Task WriteReadiness(HttpContext http, HealthReport report)
    {
        var storage = report.Entries.TryGetValue(StorageHealthCheck.Name, out var entry)
            ? entry.Data.ToDictionary(d => d.Key, d => d.Value is StorageHealth h ? new { available = h.IsAvailable, reason = h.Reason, since = h.Since } : null)
            : [];
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "ready" : "storage-unavailable",
            storage,
        };
        return http.Response.WriteAsJsonAsync(body, Json, http.RequestAborted);
    }
}
