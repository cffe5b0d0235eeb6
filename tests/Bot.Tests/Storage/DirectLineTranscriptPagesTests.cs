using Bot.Dialogs.Storage;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Storage;

/// <summary>
/// The LiteDB transcript: one document per append (a turn's echo and replies together), the watermark kept by it
/// rather than by the conversation's record, and a database from before (one document per activity) converted when
/// opened.
/// </summary>
public sealed class DirectLineTranscriptPagesTests : IDisposable
{
    private static readonly DateTime Then = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _data = new();

    [Fact]
    public void A_turn_s_echo_and_replies_are_one_document_and_the_record_is_not_rewritten()
    {
        using var database = Open();
        var store = new LiteDbDirectLineStore(database);
        store.Create(new DirectLineConversation { Id = "c1", UserId = "u1", CreatedAt = Then, LastSeenAt = Then });

        var conversation = store.Find("c1")!;
        conversation.LastTimestamp = Then.AddSeconds(1);
        store.Append(conversation, [Entry("c1", 0, "echo"), Entry("c1", 1, "reply")]);

        var pages = database.Raw.GetCollection("directline_transcript").FindAll().ToList();
        Assert.Single(pages);
        Assert.Equal(2, pages[0]["Entries"].AsArray.Count);
        Assert.Equal(0, database.Raw.GetCollection("directline_conversations").FindById("c1")["NextSequence"].AsInt32);
        Assert.Equal(2, store.Find("c1")!.NextSequence);
        Assert.Equal(Then.AddSeconds(1), store.Find("c1")!.LastTimestamp.ToUniversalTime());

        // A second append at a place already taken (a writer that read the watermark before the first committed) fails.
        Assert.ThrowsAny<LiteException>(() => store.Append(conversation, [Entry("c1", 0, "other")]));
        Assert.Equal(["c1|0", "c1|1"], store.ReadFrom("c1", 0).Select(e => e.Id));
        Assert.Equal(["c1|1"], store.ReadFrom("c1", 1).Select(e => e.Id));
    }

    [Fact]
    public void A_read_that_sees_a_committed_page_moves_the_watermark()
    {
        using var database = Open();
        var store = new LiteDbDirectLineStore(database);
        store.Create(new DirectLineConversation { Id = "c2", UserId = "u1", CreatedAt = Then, LastSeenAt = Then });
        var conversation = store.Find("c2")!;
        Assert.Equal(0, conversation.NextSequence);

        // A page committed whose watermark has not reached the store's memory yet: the moment between a commit and its
        // after-commit work, when a socket's backlog may already send the page to the client.
        conversation.LastTimestamp = Then.AddSeconds(1);
        database.Collection<DirectLineTranscriptPage>("directline_transcript").Insert(DirectLineTranscriptPage.Of(conversation, [Entry("c2", 0, "welcome")]));
        Assert.Equal(["c2|0"], store.ReadFrom("c2", 0).Select(e => e.Id));

        // The next writer appends after it, instead of at its place (which failed as a duplicate key).
        var next = store.Find("c2")!;
        Assert.Equal(1, next.NextSequence);
        store.Append(next, [Entry("c2", 1, "reply")]);
        Assert.Equal(["c2|0", "c2|1"], store.ReadFrom("c2", 0).Select(e => e.Id));
    }

    [Fact]
    public async Task In_a_unit_of_work_a_page_at_a_place_taken_meanwhile_is_a_conflict_at_the_commit_and_nothing_of_the_unit_is_kept()
    {
        using var database = Open();
        var store = new LiteDbDirectLineStore(database);
        var units = new LiteDbUnitOfWorkFactory(database, new GroupCommitter(database, NullLogger<GroupCommitter>.Instance));
        store.Create(new DirectLineConversation { Id = "c3", UserId = "u1", CreatedAt = Then, LastSeenAt = Then });

        using (var unit = units.Begin())
        {
            var conversation = store.Find("c3")!;
            conversation.LastTimestamp = Then.AddSeconds(1);
            conversation.Confidential = true;
            store.Append(conversation, [Entry("c3", 0, "echo"), Entry("c3", 1, "reply")], writeRecord: true);

            // Another writer (a reminder, outside this unit) takes the same place and commits first.
            await OtherFlow.RunAsync(() => store.Append(store.Find("c3")!, [Entry("c3", 0, "reminder")]));
            await Assert.ThrowsAsync<StorageConflictException>(() => unit.CommitAsync(null, TestContext.Token));
        }

        Assert.Equal(["{\"text\":\"reminder\"}"], store.ReadFrom("c3", 0).Select(e => e.Json));
        Assert.False(store.Find("c3")!.Confidential);
        Assert.Equal(1, store.Find("c3")!.NextSequence);
    }

    [Fact]
    public async Task A_record_held_in_memory_is_a_copy_and_a_unit_that_read_it_conflicts_with_a_change_committed_since()
    {
        using var database = Open();
        var store = new LiteDbDirectLineStore(database);
        var units = new LiteDbUnitOfWorkFactory(database, new GroupCommitter(database, NullLogger<GroupCommitter>.Instance));
        store.Create(new DirectLineConversation { Id = "c4", UserId = "u1", CreatedAt = Then, LastSeenAt = Then, AwaitingFirstMessage = true });

        // Read twice (the second from memory): changing what was handed out changes nothing held.
        store.Find("c4")!.UserName = "changed";
        Assert.Null(store.Find("c4")!.UserName);

        using (var unit = units.Begin())
        {
            var read = store.Find("c4")!;

            // The post's write of the record, committed while the unit runs.
            await OtherFlow.RunAsync(() =>
            {
                var current = store.Find("c4")!;
                current.AwaitingFirstMessage = false;
                store.Update(current);
                return true;
            });
            Assert.False(await OtherFlow.RunAsync(() => store.Find("c4")!.AwaitingFirstMessage));

            read.Confidential = true;
            store.Update(read);
            await Assert.ThrowsAsync<StorageConflictException>(() => unit.CommitAsync(null, TestContext.Token));
        }

        var stored = store.Find("c4")!;
        Assert.False(stored.AwaitingFirstMessage);
        Assert.False(stored.Confidential);
    }

    [Fact]
    public void A_database_with_one_document_per_activity_is_converted_when_opened()
    {
        using (var database = Open())
        {
            database.Collection<DirectLineConversation>("directline_conversations").Insert(
                new DirectLineConversation { Id = "old", UserId = "u1", CreatedAt = Then, LastSeenAt = Then, NextSequence = 2, LastTimestamp = Then.AddSeconds(5) });
            var legacy = database.Raw.GetCollection("directline_activities");
            legacy.Insert(new BsonDocument { ["_id"] = "old|u1", ["ConversationId"] = "old", ["Sequence"] = 0, ["Json"] = "{\"text\":\"halo\"}" });
            legacy.Insert(new BsonDocument { ["_id"] = "old|0000001", ["ConversationId"] = "old", ["Sequence"] = 1, ["Json"] = "{\"text\":\"apa kabar\"}" });
        }

        using (var database = Open())
        {
            var store = new LiteDbDirectLineStore(database);
            Assert.False(database.Raw.CollectionExists("directline_activities"));
            var read = store.ReadFrom("old", 0);
            Assert.Equal(["old|u1", "old|0000001"], read.Select(e => e.Id));
            Assert.Equal(["{\"text\":\"halo\"}", "{\"text\":\"apa kabar\"}"], read.Select(e => e.Json));

            var conversation = store.Find("old")!;
            Assert.Equal(2, conversation.NextSequence);
            Assert.Equal(Then.AddSeconds(5), conversation.LastTimestamp.ToUniversalTime());
            conversation.LastTimestamp = Then.AddSeconds(6);
            store.Append(conversation, [Entry("old", 2, "baik")]);
        }

        using (var database = Open())
        {
            var store = new LiteDbDirectLineStore(database);
            Assert.Equal([0, 1, 2], store.ReadFrom("old", 0).Select(e => e.Sequence));
            Assert.Equal(3, store.Find("old")!.NextSequence);
            Assert.Equal(Then.AddSeconds(6), store.Find("old")!.LastTimestamp.ToUniversalTime());
        }
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Pages_are_found_by_their_key_range_without_an_index_and_never_another_conversation_s()
    {
        using (var database = Open())
        {
            // A database from before: the pages had an index on their conversation, written with every page.
            database.Raw.GetCollection("directline_transcript").EnsureIndex("ConversationId", "$.ConversationId");
        }

        using (var database = Open())
        {
            var store = new LiteDbDirectLineStore(database);
            Assert.DoesNotContain(database.Raw.GetCollection("$indexes").Find("collection = 'directline_transcript'"), i => i["name"].AsString == "ConversationId");

            // An id that extends another's: its pages lie next to the other's keys, outside their range.
            foreach (var id in new[] { "c3", "c30" })
            {
                store.Create(new DirectLineConversation { Id = id, UserId = "u1", CreatedAt = Then, LastSeenAt = id == "c3" ? Then.AddDays(-10) : Then });
            }

            var c3 = store.Find("c3")!;
            store.Append(c3, [Entry("c3", 0, "echo"), Entry("c3", 1, "reply")]);
            var c30 = store.Find("c30")!;
            store.Append(c30, [Entry("c30", 0, "other")]);

            Assert.Equal(["c3|0", "c3|1"], store.ReadFrom("c3", 0).Select(e => e.Id));
            Assert.Equal(["c30|0"], store.ReadFrom("c30", 0).Select(e => e.Id));
        }

        // After a restart the watermark is read from the last page of each conversation's own range.
        using (var database = Open())
        {
            var store = new LiteDbDirectLineStore(database);
            Assert.Equal(2, store.Find("c3")!.NextSequence);
            Assert.Equal(1, store.Find("c30")!.NextSequence);

            // Deleting an idle conversation deletes its pages only.
            Assert.Equal(["c3"], store.DeleteIdle(Then.AddDays(-1), Then.AddDays(-1)));
            Assert.Empty(store.ReadFrom("c3", 0));
            Assert.Equal(["c30|0"], store.ReadFrom("c30", 0).Select(e => e.Id));
        }
    }

    private SinergiDatabase Open() => new(Options.Create(new StorageOptions { DataDirectory = _data.Path }));

    private static DirectLineLogEntry Entry(string conversationId, int sequence, string text) =>
        new() { Id = conversationId + "|" + sequence, ConversationId = conversationId, Sequence = sequence, Json = "{\"text\":\"" + text + "\"}" };
}
