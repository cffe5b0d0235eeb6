using Bot.Host.Storage.LiteDb;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Operations;

/// <summary>
/// Readiness of the two database files (issue 14, finding 3: the host kept saying 200 on a full disk). A check that
/// finds a fault first tries a small probe write (at most every few seconds), so polling readiness is also how the
/// host notices that space has returned. The data carries each file's state for the response.
/// </summary>
internal sealed class StorageHealthCheck(SinergiDatabase main, TipDatabase tips) : IHealthCheck
{
    public const string Name = "storage";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var files = new Dictionary<string, StorageHealth>
        {
            ["main"] = main.CheckHealth(),
            ["tips"] = tips.Database.CheckHealth(),
        };
        var data = files.ToDictionary(f => f.Key, f => (object)f.Value);
        var faulty = files.Where(f => !f.Value.IsAvailable).Select(f => f.Key).ToList();
        return Task.FromResult(faulty.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Unhealthy($"cannot write: {string.Join(", ", faulty)}", data: data));
    }
}
