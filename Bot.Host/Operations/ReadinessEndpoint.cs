using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;

namespace Bot.Host.Operations;

/// <summary>
/// <c>GET /readyz</c>: 200 while both database files can write, 503 with the reason and since when otherwise
/// (issue 14, finding 3: /healthz kept saying 200 on a full disk). Each call that finds a fault tries a small
/// probe write first (at most every few seconds), so polling it is also how the host notices that space has
/// returned. <c>/healthz</c> stays the liveness check: the process answers.
/// </summary>
internal static class ReadinessEndpoint
{
    public const string Path = "/readyz";

    public static WebApplication MapReadiness(this WebApplication app)
    {
        app.MapGet(Path, (SinergiDatabase main, TipDatabase tips) =>
        {
            var storage = new Dictionary<string, StorageHealth>
            {
                ["main"] = main.CheckHealth(),
                ["tips"] = tips.Database.CheckHealth(),
            };
            var ready = storage.Values.All(h => h.IsAvailable);
            var body = new
            {
                status = ready ? "ready" : "storage-unavailable",
                storage = storage.ToDictionary(s => s.Key, s => new { available = s.Value.IsAvailable, reason = s.Value.Reason, since = s.Value.Since }),
            };
            return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
