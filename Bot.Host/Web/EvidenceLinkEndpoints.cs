using Bot.Dialogs.Progress;
using Bot.Dialogs.Storage;
using Microsoft.Net.Http.Headers;
using Bot.Host.Web.RateLimiting;

namespace Bot.Host.Web;

/// <summary>
/// <c>GET /bukti/{sha256}/{name}?t=</c> (or the legacy <c>?e=&amp;s=</c>): an evidence file behind a signed, expiring link that the chat showed
/// a coordinator (<see cref="EvidenceLinks"/>), so channels can display the photo inline and open the PDF. Only files
/// a report refers to are served, with the type detected when they were stored; anything else is 404, a bad or
/// expired signature 403.
/// </summary>
internal static class EvidenceLinkEndpoints
{
    public static WebApplication MapEvidenceLinks(this WebApplication app)
    {
        app.MapGet(EvidenceLinks.PathPrefix + "{sha256}/{name}", (HttpContext http, string sha256, string? t, string? e, string? s, EvidenceLinks links, IEvidenceStore evidence, IProgressReportStore reports) =>
        {
            if (!links.IsValid(sha256, t, e, s))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var fileId = "evidence/" + sha256;
            var file = reports.ListAll().SelectMany(r => r.Evidence).FirstOrDefault(f => f.FileId == fileId);
            if (file is null || evidence.Read(fileId) is not { } bytes)
            {
                return Results.NotFound();
            }

            var content = new MemoryStream(bytes, writable: false);
            var inline = file.ContentType.StartsWith("image/", StringComparison.Ordinal) || file.ContentType == "application/pdf";
            var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
            disposition.SetHttpFileName(file.FileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Stream(content, inline ? file.ContentType : "application/octet-stream");
        }).RequireRateLimiting(HttpRateLimits.Evidence);
        return app;
    }
}
