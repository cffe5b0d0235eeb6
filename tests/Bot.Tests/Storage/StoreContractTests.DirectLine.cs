using Bot.Dialogs.Storage;
using Bot.Host.Channels.DirectLine;

namespace Bot.Tests.Storage;

/// <summary>The contract of the Direct Line stores: conversations, their logs and watermarks, devices, uploads.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public void A_direct_line_log_is_appended_with_its_watermark_and_read_from_a_place()
    {
        var store = Host.Get<IDirectLineStore>();
        var conversation = NewDirectLineConversation("dl-1");
        store.Create(conversation);
        Assert.Null(store.Find("dl-missing"));

        conversation.NextSequence = 2;
        conversation.LastTimestamp = new DateTime(2027, 3, 1, 8, 0, 0, 5, DateTimeKind.Utc);
        store.Append(conversation, [Entry("dl-1", 0, "{\"text\":\"halo\"}"), Entry("dl-1", 1, "{\"text\":\"apa kabar\"}")]);
        conversation.NextSequence = 3;
        store.Append(conversation, [Entry("dl-1", 2, "{\"text\":\"baik\"}")]);

        var found = store.Find("dl-1")!;
        Assert.Equal(3, found.NextSequence);
        Assert.Equal(conversation.LastTimestamp, found.LastTimestamp.ToUniversalTime());
        Assert.Equal("U-dl", found.UserId);
        Assert.True(found.Anonymous);
        Assert.Equal([1, 2], store.ReadFrom("dl-1", 1).Select(e => e.Sequence));
        Assert.Equal("{\"text\":\"apa kabar\"}", store.ReadFrom("dl-1", 1)[0].Json);
        Assert.Empty(store.ReadFrom("dl-1", 3));

        found.Locale = "en-US";
        found.Started = true;
        store.Update(found);
        Assert.True(store.Find("dl-1")!.Started);
        Assert.Equal("en-US", store.Find("dl-1")!.Locale);
    }

    [Fact]
    public void A_throw_in_the_append_s_transaction_adds_nothing()
    {
        var store = Host.Get<IDirectLineStore>();
        var conversation = NewDirectLineConversation("dl-throw");
        store.Create(conversation);
        conversation.NextSequence = 1;
        Assert.Throws<InvalidOperationException>(() => store.Append(conversation, [Entry("dl-throw", 0, "{}")], () => throw new InvalidOperationException("boom")));
        Assert.Equal(0, store.Find("dl-throw")!.NextSequence);
        Assert.Empty(store.ReadFrom("dl-throw", 0));
    }

    [Fact]
    public async Task Direct_line_entries_written_in_a_unit_of_work_commit_with_it()
    {
        var store = Host.Get<IDirectLineStore>();
        var units = Host.Get<IUnitOfWorkFactory>();
        store.Create(NewDirectLineConversation("dl-unit"));

        using (units.Begin())
        {
            var conversation = store.Find("dl-unit")!;
            conversation.NextSequence = 1;
            store.Append(conversation, [Entry("dl-unit", 0, "{\"text\":\"dropped\"}")]);
        }

        Assert.Empty(store.ReadFrom("dl-unit", 0));
        Assert.Equal(0, store.Find("dl-unit")!.NextSequence);

        using (var unit = units.Begin())
        {
            var conversation = store.Find("dl-unit")!;
            conversation.NextSequence = 1;
            store.Append(conversation, [Entry("dl-unit", 0, "{\"text\":\"kept\"}")]);
            await unit.CommitAsync(null, CancellationToken.None);
        }

        Assert.Equal("{\"text\":\"kept\"}", store.ReadFrom("dl-unit", 0).Single().Json);
        Assert.Equal(1, store.Find("dl-unit")!.NextSequence);
    }

    [Fact]
    public void Idle_and_unused_direct_line_conversations_are_deleted_with_their_logs()
    {
        var store = Host.Get<IDirectLineStore>();
        var now = new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        store.Create(NewDirectLineConversation("dl-old", lastSeen: now.AddDays(-40)));
        store.Create(NewDirectLineConversation("dl-unused", lastSeen: now.AddHours(-2), awaitingFirstMessage: true));
        store.Create(NewDirectLineConversation("dl-fresh-unused", lastSeen: now.AddMinutes(-5), awaitingFirstMessage: true));
        var active = NewDirectLineConversation("dl-active", lastSeen: now.AddHours(-2));
        store.Create(active);
        var old = store.Find("dl-old")!;
        old.NextSequence = 1;
        store.Append(old, [Entry("dl-old", 0, "{}")]);

        var deleted = store.DeleteIdle(now.AddDays(-30), now.AddHours(-1));

        Assert.Equal(["dl-old", "dl-unused"], deleted.Order(StringComparer.Ordinal));
        Assert.Null(store.Find("dl-old"));
        Assert.Empty(store.ReadFrom("dl-old", 0));
        Assert.NotNull(store.Find("dl-active"));
        Assert.NotNull(store.Find("dl-fresh-unused"));
    }

    [Fact]
    public void Devices_are_found_by_id_and_revoked_per_user()
    {
        var devices = Host.Get<IDeviceStore>();
        var now = new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        devices.Insert(new DirectLineDevice { Id = "hash-a", UserId = "dl_u1", CreatedAt = now, LastSeenAt = now, ExpiresAt = now.AddDays(30) });
        devices.Insert(new DirectLineDevice { Id = "hash-b", UserId = "dl_u1", CreatedAt = now, LastSeenAt = now, ExpiresAt = now.AddDays(30) });
        devices.Insert(new DirectLineDevice { Id = "hash-c", UserId = "dl_u2", CreatedAt = now, LastSeenAt = now, ExpiresAt = now.AddDays(30) });
        Assert.Equal(now.AddDays(30), devices.Find("hash-a")!.ExpiresAt.ToUniversalTime());
        Assert.Null(devices.Find("hash-x"));
        Assert.False(devices.IsRevoked("dl_u1"));

        var signedOut = devices.Find("hash-a")!;
        signedOut.RevokedAt = now.AddHours(1);
        devices.Update(signedOut);

        Assert.True(devices.IsRevoked("dl_u1"));
        Assert.False(devices.IsRevoked("dl_u2"));
        Assert.Equal(["hash-b"], devices.ListActive("dl_u1").Select(d => d.Id));
        Assert.Equal(["hash-c"], devices.ListActive("dl_u2").Select(d => d.Id));
    }

    [Fact]
    public void Uploads_are_stored_read_counted_and_deleted()
    {
        var uploads = Host.Get<IUploadStore>();
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        Assert.Equal(3000, uploads.Save(new StoredAttachment("up-1", "dl-a", "foto.jpg", "image/jpeg", 0), "foto.jpg", new MemoryStream(bytes), anonymous: true));
        uploads.Save(new StoredAttachment("up-2", "dl-a", "surat.pdf", "application/pdf", 0), "surat.pdf", new MemoryStream([1, 2, 3]), anonymous: true);
        uploads.Save(new StoredAttachment("up-3", "dl-b", "x.png", "image/png", 0), "x.png", new MemoryStream([9]), anonymous: false);

        Assert.Equal(new StoredAttachment("up-1", "dl-a", "foto.jpg", "image/jpeg", 3000), uploads.Find("up-1"));
        Assert.Null(uploads.Find("up-missing"));
        using (var target = new MemoryStream())
        {
            uploads.Download("up-1", target);
            Assert.Equal(bytes, target.ToArray());
        }

        using (var read = uploads.OpenRead("up-2"))
        using (var copy = new MemoryStream())
        {
            read.CopyTo(copy);
            Assert.Equal(new byte[] { 1, 2, 3 }, copy.ToArray());
        }

        Assert.Equal([("dl-a", 3L), ("dl-a", 3000L)], uploads.ListAnonymous().OrderBy(u => u.Length));
        uploads.Delete("up-2");
        Assert.Null(uploads.Find("up-2"));
        uploads.DeleteForConversation("dl-a");
        Assert.Null(uploads.Find("up-1"));
        Assert.Empty(uploads.ListAnonymous());
        Assert.NotNull(uploads.Find("up-3"));
    }

    private static DirectLineConversation NewDirectLineConversation(string id, DateTime? lastSeen = null, bool awaitingFirstMessage = false)
    {
        var at = lastSeen ?? new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        return new DirectLineConversation
        {
            Id = id,
            UserId = "U-dl",
            Anonymous = true,
            CreatedAt = at,
            LastSeenAt = at,
            AwaitingFirstMessage = awaitingFirstMessage,
        };
    }

    private static DirectLineLogEntry Entry(string conversationId, int sequence, string json) =>
        new() { Id = conversationId + "|" + sequence, ConversationId = conversationId, Sequence = sequence, Json = json };
}
