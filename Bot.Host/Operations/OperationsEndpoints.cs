using System.Net;
using Bot.Host.Storage.LiteDb;

namespace Bot.Host.Operations;

/// <summary>
/// <c>POST /operations/backup</c>, for the <c>backup</c> verb run beside a running host: from this machine only
/// (a loopback address), with the control token as <c>Authorization: Bearer</c>; anything else is 404, as if the
/// route did not exist. The host, which holds the data folder, makes the copy (<see cref="DataBackup"/>).
/// </summary>
internal static class OperationsEndpoints
{
    public const string BackupPath = "/operations/backup";

    public static WebApplication MapBackupEndpoint(this WebApplication app)
    {
        app.MapPost(BackupPath, (HttpContext http, ControlToken token, SinergiDatabase main, TipDatabase tips, TimeProvider time) =>
        {
            var remote = http.Connection.RemoteIpAddress;
            var bearer = http.Request.Headers.Authorization.ToString();
            if (remote is null || !IPAddress.IsLoopback(remote) || !bearer.StartsWith("Bearer ", StringComparison.Ordinal) || !token.Matches(bearer[7..]))
            {
                return Results.NotFound();
            }

            return Results.Ok(DataBackup.Run(main, tips, time));
        });
        return app;
    }
}
