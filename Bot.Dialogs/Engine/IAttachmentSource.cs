using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Engine;

/// <summary>
/// Reads the bytes of a file a user attached, from wherever the channel keeps it (Direct Line upload store,
/// Bot Framework contentUrl, WhatsApp media API, data URI). Each channel provides one.
/// </summary>
public interface IAttachmentSource
{
    /// <summary>True when this source can read the attachment of that activity.</summary>
    bool CanOpen(Activity activity, Attachment attachment);

    /// <summary>Reads at most <paramref name="maxBytes"/>; throws <see cref="AttachmentTooLargeException"/> beyond that.</summary>
    Task<AttachmentContent> OpenAsync(Activity activity, Attachment attachment, long maxBytes, CancellationToken cancellationToken);
}

/// <summary>A file as received: its name, the type the channel declared, and its bytes.</summary>
public sealed record AttachmentContent(string FileName, string? DeclaredContentType, byte[] Bytes);

/// <summary>The attachment is bigger than the limit.</summary>
public sealed class AttachmentTooLargeException(long limit)
    : Exception($"The attachment is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
