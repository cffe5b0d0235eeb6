using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Engine;

/// <summary>
/// Reads attachments sent inline as <c>data:</c> URIs (the terminal chat, tests, and clients that embed small
/// files). The size is checked from the encoded length before anything is decoded.
/// </summary>
internal sealed class DataUriAttachmentSource : IAttachmentSource
{
    public bool CanOpen(Activity activity, Attachment attachment) =>
        attachment?.ContentUrl?.StartsWith("data:", StringComparison.OrdinalIgnoreCase) == true;

    public Task<AttachmentContent> OpenAsync(Activity activity, Attachment attachment, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var uri = attachment.ContentUrl ?? throw new ArgumentException("The attachment has no content URL.", nameof(attachment));
        var comma = uri.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || !uri[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException("Only base64 data URIs are supported.");
        }

        var encodedLength = uri.Length - comma - 1;
        if ((long)encodedLength / 4 * 3 > maxBytes + 3)
        {
            throw new AttachmentTooLargeException(maxBytes);
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(uri[(comma + 1)..]);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException("The data URI is not valid base64.", ex);
        }

        if (bytes.LongLength > maxBytes)
        {
            throw new AttachmentTooLargeException(maxBytes);
        }

        var declared = uri[5..comma].Split(';')[0];
        return Task.FromResult(new AttachmentContent(attachment.Name ?? "file", declared.Length > 0 ? declared : attachment.ContentType, bytes));
    }
}
