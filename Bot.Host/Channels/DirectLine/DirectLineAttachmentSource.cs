using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Lets dialogs read files a web chat user uploaded (evidence photos, PDFs).</summary>
internal sealed class DirectLineAttachmentSource(DirectLineAttachments attachments) : IAttachmentSource
{
    public bool CanOpen(Activity activity, Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(attachment);
        return activity.ChannelId == DirectLineChannel.ChannelId && DirectLineAttachments.IdFromUrl(attachment.ContentUrl) is not null;
    }

    public Task<AttachmentContent> OpenAsync(Activity activity, Attachment attachment, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(attachment);
        cancellationToken.ThrowIfCancellationRequested();
        var id = DirectLineAttachments.IdFromUrl(attachment.ContentUrl);
        var stored = id is null ? null : attachments.Find(id);

        // A file of another conversation is as good as missing: a crafted URL must not reach it.
        if (stored is null || stored.ConversationId != activity.Conversation?.Id)
        {
            throw new FileNotFoundException("The uploaded file does not exist in this conversation.");
        }

        if (stored.Length > maxBytes)
        {
            throw new AttachmentTooLargeException(maxBytes);
        }

        return Task.FromResult(new AttachmentContent(stored.FileName, stored.ContentType, attachments.Read(stored)));
    }
}
