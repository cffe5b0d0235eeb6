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
        dashboard.MapGet("/berkas", (HttpContext http, string? id, IEvidenceStore evidence, IProgressReportStore reports, ITipStore tips) =>
        {
            // Tip photos live in the tips' own file (ITipStore), evidence in the main one.
            if (string.IsNullOrEmpty(id) || Describe(id, reports, tips) is not { } file
                || (file.IsTipPhoto ? tips.ReadPhoto(id) : evidence.Read(id)) is not { } bytes)
            {
                return Results.NotFound();
            }

            var content = new MemoryStream(bytes, writable: false);
            var disposition = new ContentDispositionHeaderValue(IsInlineImage(file.ContentType) ? "inline" : "attachment");
            disposition.SetHttpFileName(file.FileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            var type = IsInlineImage(file.ContentType) || file.ContentType == "application/pdf" ? file.ContentType : "application/octet-stream";
            return Results.Stream(content, type);
        });

    private static (string FileName, string ContentType, bool IsTipPhoto)? Describe(string id, IProgressReportStore reports, ITipStore tips)
    {
        var evidence = reports.ListAll().SelectMany(r => r.Evidence).FirstOrDefault(e => e.FileId == id);
        if (evidence is not null)
        {
            return (evidence.FileName, evidence.ContentType, false);
        }

        return tips.FindByPhoto(id) is { } tip && PhotoType(tip, id) is { } type ? (tip.Id + (type == "image/png" ? ".png" : ".jpg"), type, true) : null;
    }

    private static string? PhotoType(Tip tip, string id) =>
        tip.PhotoFileId == id ? tip.PhotoContentType : tip.FollowUps.FirstOrDefault(f => f.PhotoFileId == id)?.PhotoContentType;
}
