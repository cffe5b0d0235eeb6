namespace Bot.Host.Channels.DirectLine;

/// <summary>The stored Direct Line uploads (<see cref="DirectLineAttachments"/> holds the rules), by attachment id.</summary>
internal interface IUploadStore
{
    /// <summary>Stores the content under the attachment's id; returns its length.</summary>
    long Save(StoredAttachment attachment, string storageName, Stream content, bool anonymous);

    StoredAttachment? Find(string id);

    void Download(string id, Stream target);

    Stream OpenRead(string id);

    void Delete(string id);

    void DeleteForConversation(string conversationId);

    /// <summary>Every upload of an anonymous conversation (for the upload caps).</summary>
    IReadOnlyList<(string ConversationId, long Length)> ListAnonymous();
}
