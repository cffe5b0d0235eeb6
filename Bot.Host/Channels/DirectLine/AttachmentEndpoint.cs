using Microsoft.Net.Http.Headers;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// <c>GET attachments/{id}</c>: an uploaded file, for the holder of its conversation's token (Bearer) or of the
/// signed URL that the conversation's transcript contains (what an &lt;img&gt; tag in Web Chat uses).
/// </summary>
internal static class AttachmentEndpoint
{
    public static void MapAttachmentEndpoint(this RouteGroupBuilder group) =>
        group.MapGet("/attachments/{attachmentId}", GetAsync);

    private static async Task<IResult> GetAsync(string attachmentId, string? sig, HttpContext http, DirectLineAuth auth, DirectLineAttachments attachments)
    {
        var token = DirectLineRequests.BearerToken(http.Request);
        var stored = attachments.Find(attachmentId);
        if (token is not null)
        {
            var access = await auth.CheckAsync(token, conversationId: null, http.RequestAborted);
            if (access.Refusal is not null)
            {
                return access.Refusal;
            }

            if (stored is null)
            {
                return DirectLineResults.NotFound("The file does not exist.");
            }

            if (stored.ConversationId != access.Conversation!.Id)
            {
                return DirectLineResults.Forbidden("The token is for another conversation.");
            }
        }
        else if (sig is null)
        {
            return DirectLineResults.MissingToken();
        }
        else if (!attachments.IsValidSignature(attachmentId, sig) || stored is null)
        {
            // Same answer for a bad signature and a missing file: the URL reveals nothing either way.
            return DirectLineResults.Forbidden("The file link is not valid.");
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, max-age=86400";
        // Cleaned again on the way out: a name stored before uploads were cleaned may still hold a NUL.
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(UploadForm.SafeFileName(stored.FileName));
        headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(attachments.Read(stored), stored.ContentType);
    }
}
