using System.Text.Json;
using Bot.Host.Storage;
using Bot.Knowledge.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Operations;

/// <summary>
/// The framework's health checks on two paths: <c>/healthz</c> is liveness (the process answers; no check runs) and
/// <c>/readyz</c> is readiness (every check tagged <see cref="ReadyTag"/>: the storage files and the regulation index).
/// Ready is 200 <c>{"status":"ready"}</c>; not ready is 503 with <c>storage-unavailable</c> (each file's reason and
/// since when) or <c>knowledge-unavailable</c> (the index's reason), so an operator sees why without reading logs.
/// </summary>
internal static class HealthEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    public const string ReadyTag = "ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddSinergiHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<KnowledgeHealthCheck>(KnowledgeHealthCheck.Name, tags: [ReadyTag]);
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
        var knowledge = report.Entries.TryGetValue(KnowledgeHealthCheck.Name, out var index)
            && index.Data.TryGetValue(KnowledgeHealthCheck.Name, out var value) && value is KnowledgeStatus status
            ? new { ready = status.IsReady, passages = status.Passages, reason = status.Reason }
            : null;
        var body = new
        {
            status = Status(report),
            storage,
            knowledge,
        };
        return http.Response.WriteAsJsonAsync(body, Json, http.RequestAborted);
    }

    // Storage first: a host that cannot save is the more urgent news.
    private static string Status(HealthReport report) =>
        report.Entries.GetValueOrDefault(StorageHealthCheck.Name).Status != HealthStatus.Healthy ? "storage-unavailable"
        : report.Entries.GetValueOrDefault(KnowledgeHealthCheck.Name).Status != HealthStatus.Healthy ? "knowledge-unavailable"
        : "ready";
}
