using Bot.Host.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Operations;

/// <summary>
/// Readiness of the databases the storage provider writes (issue 14, finding 3: the host kept saying 200 on a full
/// disk): the two LiteDB files, or the PostgreSQL database(s) (<see cref="IStorageProbe"/>, registered by each
/// adapter). The data carries each database's state for the response, under the same names for both providers.
/// </summary>
internal sealed class StorageHealthCheck(IEnumerable<IStorageProbe> probes) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = new Dictionary<string, StorageHealth>(StringComparer.Ordinal);
        foreach (var probe in probes)
        {
            states[probe.Name] = await probe.CheckAsync(cancellationToken);
        }

        var data = states.ToDictionary(f => f.Key, f => (object)f.Value);
        var faulty = states.Where(f => !f.Value.IsAvailable).Select(f => f.Key).ToList();
        return faulty.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Unhealthy($"cannot write: {string.Join(", ", faulty)}", data: data);
    }
}
