using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// Reads photos and documents users sent on WhatsApp. The activity carries only "whatsapp-media:&lt;id&gt;": the
/// bytes are fetched on demand (Graph GET /{media-id} gives a short-lived URL, downloaded with the token).
/// </summary>
internal sealed class WhatsAppAttachmentSource(GraphClient graph, IOptions<WhatsAppOptions> options) : IAttachmentSource
{
    public bool CanOpen(Activity activity, Attachment attachment) =>
        activity?.ChannelId == WhatsAppAddress.ChannelId
        && attachment?.ContentUrl?.StartsWith(InboundActivityMapper.MediaUrlScheme, StringComparison.Ordinal) == true;

    public async Task<AttachmentContent> OpenAsync(Activity activity, Attachment attachment, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (!CanOpen(activity, attachment))
        {
            throw new ArgumentException("The attachment is not WhatsApp media.", nameof(attachment));
        }

        var mediaId = attachment.ContentUrl![InboundActivityMapper.MediaUrlScheme.Length..];
        var limit = Math.Min(maxBytes, options.Value.MaxMediaBytes);
        var media = await graph.GetMediaAsync(mediaId, cancellationToken);
        if (media.FileSize > limit)
        {
            throw new AttachmentTooLargeException(limit);
        }

        var bytes = await graph.DownloadAsync(media.Url, limit, cancellationToken);
        return new AttachmentContent(attachment.Name ?? mediaId, media.MimeType ?? attachment.ContentType, bytes);
    }
}
