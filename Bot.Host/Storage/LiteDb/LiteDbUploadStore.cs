using Bot.Host.Channels.DirectLine;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>Direct Line uploads in the main database's file storage, under <c>directline/</c> with their conversation.</summary>
internal sealed class LiteDbUploadStore(SinergiDatabase database) : IUploadStore
{
    private const string Prefix = "directline/";

    public long Save(StoredAttachment attachment, string storageName, Stream content, bool anonymous)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var metadata = new BsonDocument
        {
            ["conversationId"] = attachment.ConversationId,
            ["contentType"] = attachment.ContentType,
            ["name"] = attachment.FileName,
            ["anonymous"] = anonymous,
        };
        return database.Files.Upload(Prefix + attachment.Id, storageName, content, metadata).Length;
    }

    public StoredAttachment? Find(string id)
    {
        var info = database.Files.FindById(Prefix + id);
        return info is null
            ? null
            : new StoredAttachment(id, info.Metadata["conversationId"].AsString, info.Metadata["name"].AsString, info.Metadata["contentType"].AsString, info.Length);
    }

    public void Download(string id, Stream target) => database.Files.Download(Prefix + id, target);

    public Stream OpenRead(string id) => database.Files.OpenRead(Prefix + id);

    public void Delete(string id) => database.Files.Delete(Prefix + id);

    public void DeleteForConversation(string conversationId)
    {
        foreach (var file in database.Files.Find("$.metadata.conversationId = @0", new BsonValue(conversationId)).ToList())
        {
            database.Files.Delete(file.Id);
        }
    }

    public IReadOnlyList<(string ConversationId, long Length)> ListAnonymous() =>
        database.Files.Find("$._id LIKE @0 AND $.metadata.anonymous = true", new BsonValue(Prefix + "%"))
            .Select(f => (f.Metadata["conversationId"].AsString, f.Length)).ToList();
}
