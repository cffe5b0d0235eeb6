using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Microsoft.Net.Http.Headers;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// Evidence files and tip photos for signed-in coordinators. Only files that a report or a tip refers to are
/// served, with the type recorded when they were stored: images inline, everything else as a download.
/// </summary>
internal static class FileEndpoints
{
    private static readonly HashSet<string> InlineImages = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/gif", "image/webp" };

    public static string UrlOf(string fileId) => "/dasbor/berkas?id=" + Uri.EscapeDataString(fileId);

    public static bool IsInlineImage(string? contentType) => contentType is not null && InlineImages.Contains(contentType);

    public static void MapDashboardFiles(this RouteGroupBuilder dashboard) =>
        dashboard.MapGet("/berkas", (HttpContext http, string? id, SinergiDatabase database, ProgressReportStore reports, TipStore tips) =>
        {
            if (string.IsNullOrEmpty(id) || Describe(id, reports, tips) is not { } file || database.Files.FindById(id) is null)
            {
                return Results.NotFound();
            }

            var content = new MemoryStream();
            database.Files.Download(id, content);
            content.Position = 0;
            var disposition = new ContentDispositionHeaderValue(IsInlineImage(file.ContentType) ? "inline" : "attachment");
            disposition.SetHttpFileName(file.FileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            var type = IsInlineImage(file.ContentType) || file.ContentType == "application/pdf" ? file.ContentType : "application/octet-stream";
            return Results.Stream(content, type);
        });

    private static (string FileName, string ContentType)? Describe(string id, ProgressReportStore reports, TipStore tips)
    {
        var evidence = reports.ListAll().SelectMany(r => r.Evidence).FirstOrDefault(e => e.FileId == id);
        if (evidence is not null)
        {
            return (evidence.FileName, evidence.ContentType);
        }

        return tips.FindByPhoto(id) is { PhotoContentType: { } type } tip ? (tip.Id + (type == "image/png" ? ".png" : ".jpg"), type) : null;
    }
}
