using Bot.Dialogs.Activities;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// <c>POST conversations/{id}/upload</c>: Web Chat's multipart post of a message with files (directline-3.md §3.6).
/// Every file is checked (size, and bytes that are an image or a PDF) before any is stored.
/// </summary>
internal static class UploadEndpoint
{
    public static void MapUploadEndpoint(this RouteGroupBuilder group) =>
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync).DisableAntiforgery();

    private static async Task<IResult> UploadAsync(
        string conversationId,
        HttpContext http,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        DirectLineAttachments attachments,
        DirectLineQuotas quotas,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var access = await auth.CheckAsync(http.Request, conversationId, cancellationToken);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (quotas.RefuseUpload(http) is { } tooMany)
        {
            return tooMany;
        }

        var settings = options.Value;
        if (!http.Request.HasFormContentType || !http.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return DirectLineResults.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Upload as multipart/form-data: an 'activity' part and 'file' parts.");
        }

        var (form, formError) = await UploadForm.ReadAsync(http, settings, cancellationToken);
        if (formError is not null)
        {
            return formError;
        }

        var (activity, activityError) = await UploadForm.ReadActivityAsync(form!, settings, cancellationToken);
        if (activityError is not null)
        {
            return activityError;
        }

        var files = form!.Files.Where(f => f.Name != "activity").ToList();
        if (files.Count == 0 || files.Count > settings.MaxFilesPerUpload)
        {
            return DirectLineResults.BadArgument($"Send between 1 and {settings.MaxFilesPerUpload} files.");
        }

        var checkedFiles = new List<(IFormFile File, string ContentType)>();
        foreach (var file in files)
        {
            if (file.Length > settings.MaxUploadBytes)
            {
                return DirectLineResults.TooLarge($"Each file may be at most {settings.MaxUploadBytes / (1024 * 1024.0):0.#} MB.");
            }

            var contentType = await DetectAsync(file, cancellationToken);
            if (contentType is null)
            {
                return DirectLineResults.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "Only photos (JPEG, PNG, GIF, WebP, HEIC) and PDF files are accepted.");
            }

            checkedFiles.Add((file, contentType));
        }

        var conversation = access.Conversation!;
        if (attachments.RefuseBeyondQuota(conversation, checkedFiles.Sum(f => f.File.Length), settings) is { } full)
        {
            return full;
        }

        var attached = new List<Attachment>();
        foreach (var (file, contentType) in checkedFiles)
        {
            await using var content = file.OpenReadStream();
            var stored = attachments.Save(conversationId, UploadForm.SafeFileName(file.FileName), contentType, content, conversation.Confidential, conversation.Anonymous);
            attached.Add(new Attachment { ContentType = contentType, ContentUrl = attachments.UrlFor(stored), Name = stored.FileName });
        }

        var posted = conversations.Post(access.Conversation!, activity! with { Attachments = attached });
        return await posted.Kept.WaitAsync(cancellationToken) ? Results.Ok(new ResourceResponse(posted.Echo.Id!)) : DirectLineResults.NotKept();
    }

    private static async Task<string?> DetectAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var header = new byte[UploadedFileType.HeaderLength];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return UploadedFileType.Detect(header.AsSpan(0, read));
    }
}
