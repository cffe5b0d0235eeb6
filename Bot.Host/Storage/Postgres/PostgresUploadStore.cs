using Bot.Host.Channels.DirectLine;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// Direct Line uploads in <c>directline_uploads</c>, the bytes in the row (<c>bytea</c>): uploads are capped small
/// (<see cref="DirectLineAttachments"/>), and every host serves every upload.
/// </summary>
internal sealed class PostgresUploadStore(PostgresDatabase database) : IUploadStore
{
    private const string Columns = "id as Id, conversation_id as ConversationId, file_name as FileName, content_type as ContentType, length as Length";

    public long Save(StoredAttachment attachment, string storageName, Stream content, bool anonymous)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        database.Use((c, t) => c.Execute(
            """
            insert into directline_uploads (id, conversation_id, file_name, content_type, storage_name, anonymous, length, content)
            values (@Id, @ConversationId, @FileName, @ContentType, @storageName, @anonymous, @length, @bytes)
            on conflict (id) do update set conversation_id = excluded.conversation_id, file_name = excluded.file_name,
                content_type = excluded.content_type, storage_name = excluded.storage_name, anonymous = excluded.anonymous,
                length = excluded.length, content = excluded.content
            """,
            new { attachment.Id, attachment.ConversationId, attachment.FileName, attachment.ContentType, storageName, anonymous, length = (long)bytes.Length, bytes },
            t));
        return bytes.Length;
    }

    public StoredAttachment? Find(string id) => database.Use((c, t) =>
        c.QuerySingleOrDefault<Found>($"select {Columns} from directline_uploads where id = @id", new { id }, t)) is { } found
        ? new StoredAttachment(found.Id, found.ConversationId, found.FileName, found.ContentType, found.Length)
        : null;

    public void Download(string id, Stream target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Write(Content(id));
    }

    public Stream OpenRead(string id) => new MemoryStream(Content(id), writable: false);

    public void Delete(string id) => database.Use((c, t) => c.Execute("delete from directline_uploads where id = @id", new { id }, t));

    public void DeleteForConversation(string conversationId) => database.Use((c, t) =>
        c.Execute("delete from directline_uploads where conversation_id = @conversationId", new { conversationId }, t));

    public IReadOnlyList<(string ConversationId, long Length)> ListAnonymous() => database.Use((c, t) =>
        c.Query<(string, long)>("select conversation_id, length from directline_uploads where anonymous", transaction: t).ToList());

    private byte[] Content(string id) => database.Use((c, t) =>
        c.QuerySingleOrDefault<byte[]>("select content from directline_uploads where id = @id", new { id }, t))
        ?? throw new FileNotFoundException($"The upload {id} is not stored.");

    private sealed class Found
    {
        public string Id { get; set; } = string.Empty;
        public string ConversationId { get; set; } = string.Empty;
        public string FileName { get; set; } = string.Empty;
        public string ContentType { get; set; } = string.Empty;
        public long Length { get; set; }
    }
}
