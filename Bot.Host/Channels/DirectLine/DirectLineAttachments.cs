using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Channels.DirectLine;

/// <summary>A stored upload: who it belongs to and what it is.</summary>
internal sealed record StoredAttachment(string Id, string ConversationId, string FileName, string ContentType, long Length);

/// <summary>
/// Files uploaded through Direct Line, kept with their conversation (<see cref="IUploadStore"/>). Their URLs
/// carry a signature so that the browser (which sends no Authorization header for an image) can show them; only
/// the conversation's transcript, readable with the conversation's token, contains those URLs.
/// </summary>
internal sealed class DirectLineAttachments(IUploadStore uploads, DirectLineSigningKey key, ConfidentialFiles confidentialFiles)
{
    private const string UrlPath = DirectLineChannel.BasePath + "/attachments/";

    /// <summary>
    /// Why an anonymous conversation may not store <paramref name="incoming"/> more bytes of uploads (its own cap, or
    /// the cap of all anonymous uploads together: issue 14, finding 4), as the status and message to answer; null
    /// when it may. Uploads held in memory for a tip in progress are bounded elsewhere (<see cref="ConfidentialFiles"/>).
    /// </summary>
    public IResult? RefuseBeyondQuota(DirectLineConversation conversation, long incoming, DirectLineOptions settings)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(settings);
        if (!conversation.Anonymous || conversation.Confidential)
        {
            return null;
        }

        var stored = uploads.ListAnonymous();
        if (stored.Where(f => f.ConversationId == conversation.Id).Sum(f => f.Length) + incoming > settings.MaxUploadBytesPerConversation)
        {
            return DirectLineResults.TooLarge("This conversation has stored as many files as it may; start a new conversation to send more.");
        }

        return stored.Sum(f => f.Length) + incoming > settings.MaxAnonymousUploadBytes
            ? DirectLineResults.Error(StatusCodes.Status507InsufficientStorage, "QuotaExceeded", "The web chat cannot take more files right now; try again later.")
            : null;
    }

    /// <summary>Stores an upload; a confidential one (a tip in progress) is kept in memory only.</summary>
    public StoredAttachment Save(string conversationId, string fileName, string contentType, Stream content, bool confidential = false, bool anonymous = false)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        if (confidential)
        {
            using var buffer = new MemoryStream();
            content.CopyTo(buffer);
            var held = new StoredAttachment(id, conversationId, fileName, contentType, buffer.Length);
            confidentialFiles.Put(held, buffer.ToArray());
            return held;
        }

        var length = uploads.Save(new StoredAttachment(id, conversationId, fileName, contentType, 0), SafeStorageName(id, contentType), content, anonymous);
        return new StoredAttachment(id, conversationId, fileName, contentType, length);
    }

    public StoredAttachment? Find(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        if (confidentialFiles.Find(id) is { } held)
        {
            return held.Info;
        }

        return uploads.Find(id);
    }

    /// <summary>Reads the whole file; the caller checked the size.</summary>
    public byte[] Read(StoredAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (confidentialFiles.Find(attachment.Id) is { } held)
        {
            return held.Bytes;
        }

        using var buffer = new MemoryStream((int)attachment.Length);
        uploads.Download(attachment.Id, buffer);
        return buffer.ToArray();
    }

    public Stream OpenRead(StoredAttachment attachment) =>
        confidentialFiles.Find(attachment.Id) is { } held ? new MemoryStream(held.Bytes, writable: false) : uploads.OpenRead(attachment.Id);

    /// <summary>
    /// After a confidential turn: the files of <paramref name="inbound"/> that were written to the database (sent
    /// before the conversation was known to be confidential) move to memory and leave the database.
    /// </summary>
    public void Unpersist(Bot.Dialogs.Activities.Activity inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        foreach (var attachment in inbound.Attachments ?? [])
        {
            if (IdFromUrl(attachment.ContentUrl) is not { } id || uploads.Find(id) is not { } stored
                || stored.ConversationId != inbound.Conversation?.Id)
            {
                continue;
            }

            var bytes = Read(stored);
            uploads.Delete(id);
            confidentialFiles.Put(stored, bytes);
        }
    }

    public void DeleteForConversation(string conversationId)
    {
        confidentialFiles.RemoveConversation(conversationId);
        uploads.DeleteForConversation(conversationId);
    }

    /// <summary>The root-relative URL of a file, with its signature.</summary>
    public string UrlFor(StoredAttachment attachment) => UrlPath + attachment.Id + "?sig=" + Signature(attachment.Id);

    /// <summary>The attachment id when <paramref name="contentUrl"/> is one of our URLs (relative or absolute).</summary>
    public static string? IdFromUrl(string? contentUrl)
    {
        if (string.IsNullOrEmpty(contentUrl))
        {
            return null;
        }

        var path = Uri.TryCreate(contentUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.AbsolutePath
            : contentUrl.Split('?')[0];
        return path.StartsWith(UrlPath, StringComparison.Ordinal) ? path[UrlPath.Length..] : null;
    }

    public bool IsValidSignature(string id, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(id)), Encoding.ASCII.GetBytes(signature));

    private string Signature(string id) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes("attachment:" + id)).AsSpan(0, 16));

    // The user's file name is kept in metadata only; the storage name is ours.
    private static string SafeStorageName(string id, string contentType) => id + UploadedFileType.Extension(contentType);
}
