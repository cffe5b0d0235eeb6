using System.Text.Json;
using Bot.Dialogs.Storage;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Host.DirectLine;

/// <summary>
/// A socket that opens while a turn commits gets each activity once: an entry committed between the socket reading the
/// conversation's record and reading its log is in the socket's first frame, and the catch-up its commit announces
/// (or this host's own push) does not send it again. The three-host kill test saw a conversation's first activity
/// twice on a socket this way.
/// </summary>
public sealed class SubscribeRaceTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly SinergiDatabase _database;
    private readonly LiteDbDirectLineStore _stored;
    private readonly CommitsDuringRead _store;
    private readonly ActivityFeed _feed;

    public SubscribeRaceTests()
    {
        _database = new SinergiDatabase(Options.Create(new StorageOptions { DataDirectory = _data.Path }));
        _stored = new LiteDbDirectLineStore(_database);
        _store = new CommitsDuringRead(_stored);
        _feed = new ActivityFeed(_store, new ConfidentialOverlay(TimeProvider.System), TimeProvider.System);
    }

    [Fact]
    public void An_entry_committed_while_a_socket_subscribes_is_sent_to_it_once()
    {
        _stored.Create(new DirectLineConversation { Id = "c1", UserId = "u1", CreatedAt = DateTime.UtcNow, LastSeenAt = DateTime.UtcNow });
        _store.BeforeNextRead = () => Append("the welcome, committed by a turn just now");

        using var subscription = _feed.Subscribe("c1", 0);
        _feed.CatchUp("c1", 1); // the commit's notice arrives after the socket subscribed

        Assert.Contains("the welcome, committed by a turn just now", subscription.Backlog, StringComparison.Ordinal);
        Assert.False(subscription.Frames.Reader.TryRead(out var again), $"sent again: {again}");
    }

    private void Append(string text)
    {
        var conversation = _stored.Find("c1")!;
        var sequence = conversation.NextSequence;
        conversation.NextSequence = sequence + 1;
        var json = JsonSerializer.Serialize(new { type = "message", id = "c1|" + sequence, text });
        _stored.Append(conversation, [new DirectLineLogEntry { Id = "c1|" + sequence, ConversationId = "c1", Sequence = sequence, Json = json }]);
    }

    public void Dispose()
    {
        _database.Dispose();
        _data.Dispose();
    }

    /// <summary>The real store, with a commit landing just before the next read of a log (as another turn's would).</summary>
    private sealed class CommitsDuringRead(IDirectLineStore inner) : IDirectLineStore
    {
        public Action? BeforeNextRead { get; set; }

        public IReadOnlyList<DirectLineLogEntry> ReadFrom(string conversationId, int fromSequence)
        {
            var commit = BeforeNextRead;
            BeforeNextRead = null;
            commit?.Invoke();
            return inner.ReadFrom(conversationId, fromSequence);
        }

        public void Create(DirectLineConversation conversation) => inner.Create(conversation);

        public DirectLineConversation? Find(string conversationId) => inner.Find(conversationId);

        public void Update(DirectLineConversation conversation) => inner.Update(conversation);

        public void Append(DirectLineConversation conversation, IReadOnlyList<DirectLineLogEntry> entries, Action? alsoInTransaction = null, bool writeRecord = false) =>
            inner.Append(conversation, entries, alsoInTransaction, writeRecord);

        public IReadOnlyList<string> DeleteIdle(DateTime cutoff, DateTime unusedCutoff) => inner.DeleteIdle(cutoff, unusedCutoff);
    }
}
