using Bot.Knowledge.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Operations;

/// <summary>Readiness of the regulation index: a host whose index is gone would answer every question "not covered".</summary>
internal sealed class KnowledgeHealthCheck(KnowledgeReadiness knowledge) : IHealthCheck
{
    public const string Name = "knowledge";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = knowledge.Check(cancellationToken);
        var data = new Dictionary<string, object> { [Name] = status };
        return Task.FromResult(status.IsReady
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Unhealthy(status.Reason, data: data));
    }
}
