using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Bot.Dialogs.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The client-facing side of each conversation: stamps activities (id, timestamp), appends them to the durable
/// log, and pushes them to open WebSockets in log order. One lock per conversation keeps the id sequence, the
/// timestamps and the push order consistent. With several hosts, the store tells the others what it appended, in the
/// append's transaction (<see cref="ITranscriptChangeNotifier"/>); their sockets read it from the log (<see cref="CatchUp"/>).
/// </summary>
internal sealed class ActivityFeed(IDirectLineStore store, ConfidentialOverlay overlay, TimeProvider time)
{
    /// <summary>
    /// How stale the conversation's last-seen time may get: an append or a poll rewrites the record only when it is older
    /// (the retention it guards is 30 minutes for a conversation nobody posted in, days otherwise).
    /// </summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, FeedState> _feeds = new(StringComparer.Ordinal);

    /// <summary>
    /// Stamps, stores and pushes an activity; returns it as stamped. A confidential activity is stored redacted and
    /// its readable copy kept in the overlay; sockets get the readable form either way. <paramref name="alsoInTransaction"/>
    /// runs in the transaction that stores it; when it throws, nothing is stored or pushed.
    /// </summary>
    public Activity Append(string conversationId, Activity activity, bool confidential, Action? alsoInTransaction = null) =>
        AppendAll(conversationId, [activity], confidential, alsoInTransaction)[0];

    /// <summary>
    /// <see cref="Append"/> for several activities (a turn's replies) in one transaction: one commit instead of one
    /// per reply (BENCHMARKS.md "Load", Direct Line). <paramref name="alsoInTransaction"/> runs after they are added.
    /// </summary>
    public IReadOnlyList<Activity> AppendAll(string conversationId, IReadOnlyList<Activity> activities, bool confidential, Action? alsoInTransaction = null)
    {
        var staged = Stage(conversationId, activities, confidential, alsoInTransaction: alsoInTransaction);
        Publish(staged);
        return staged.Activities;
    }

    /// <summary>
    /// Stamps the activities and writes them to the log as one page, with <paramref name="change"/> to the
    /// conversation's record (which returns whether it changed anything: the record is rewritten only then, or when its
    /// last-seen time is older than <see cref="TouchInterval"/>) and <paramref name="alsoInTransaction"/>, without pushing anything: inside a unit of work the write waits for
    /// its commit, and <see cref="Publish"/> sends them to the sockets after it. An activity with an id already (the
    /// user's, <see cref="InboundActivityIds.For"/>) keeps it. A confidential activity is stored redacted and its readable
    /// copy kept in the overlay (<see cref="Discard"/> drops those copies when the write was not kept).
    /// </summary>
    public StagedActivities Stage(string conversationId, IReadOnlyList<Activity> activities, bool confidential, Func<DirectLineConversation, bool>? change = null, Action? alsoInTransaction = null)
    {
        var feed = Feed(conversationId);
        lock (feed)
        {
            var conversation = store.Find(conversationId)
                ?? throw new InvalidOperationException("The Direct Line conversation does not exist.");
            var stamped = new List<Activity>(activities.Count);
            var readable = new List<string>(activities.Count);
            var entries = new List<DirectLineLogEntry>(activities.Count);
            var lastTimestamp = feed.LastTimestamp;
            foreach (var activity in activities)
            {
                var sequence = conversation.NextSequence;
                var id = activity.Id ?? IdOf(conversationId, sequence);
                var timestamp = NextTimestamp(lastTimestamp, conversation.LastTimestamp);
                var one = activity with { Id = id, Timestamp = timestamp };
                var json = JsonSerializer.Serialize(one, ActivityJson.Options);
                var stored = json;
                if (confidential)
                {
                    overlay.Put(one.Id, json);
                    stored = JsonSerializer.Serialize(ConfidentialRedaction.Redact(one), ActivityJson.Options);
                }

                conversation.NextSequence = sequence + 1;
                conversation.LastTimestamp = timestamp.UtcDateTime;
                lastTimestamp = timestamp;
                entries.Add(new DirectLineLogEntry { Id = one.Id, ConversationId = conversationId, Sequence = sequence, Json = stored });
                stamped.Add(one);
                readable.Add(json);
            }

            var writeRecord = change?.Invoke(conversation) == true;
            var now = time.GetUtcNow().UtcDateTime;
            if (now - conversation.LastSeenAt.ToUniversalTime() > TouchInterval)
            {
                conversation.LastSeenAt = now;
                writeRecord = true;
            }

            store.Append(conversation, entries, alsoInTransaction, writeRecord);
            return new StagedActivities(conversationId, stamped, readable, entries.Select(e => e.Sequence).ToList(), lastTimestamp, confidential);
        }
    }

    /// <summary>Pushes staged activities, once their write is durable, to the open sockets in log order.</summary>
    public void Publish(StagedActivities staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var feed = Feed(staged.ConversationId);
        lock (feed)
        {
            if (staged.LastTimestamp > feed.LastTimestamp)
            {
                feed.LastTimestamp = staged.LastTimestamp;
            }

            if (staged.Sequences.Count > 0)
            {
                SendWhatCameBefore(feed, staged.ConversationId, staged.Sequences[0]);
            }

            PushPage(feed, staged);
        }
    }

    /// <summary>
    /// A turn's page (its echo and replies) as one frame per socket, not one per activity: one send, and one frame for
    /// the client to read (a socket's backlog is such a set too). A socket gets what it has not seen, as
    /// <see cref="Push"/> decides per activity; most get the whole page, built once.
    /// </summary>
    private static void PushPage(FeedState feed, StagedActivities staged)
    {
        if (feed.Subscribers.Count == 0 || staged.Readable.Count == 0)
        {
            return;
        }

        string? whole = null;
        var selected = new List<string>(staged.Readable.Count);
        foreach (var subscriber in feed.Subscribers)
        {
            selected.Clear();
            var sentWatermark = 0;
            for (var i = 0; i < staged.Readable.Count; i++)
            {
                var watermark = staged.Sequences[i] + 1;
                if (watermark <= subscriber.BacklogWatermark)
                {
                    continue;
                }

                subscriber.Delivered = Math.Max(subscriber.Delivered, watermark);
                selected.Add(staged.Readable[i]);
                sentWatermark = watermark;
            }

            if (selected.Count == staged.Readable.Count)
            {
                subscriber.Frames.Writer.TryWrite(whole ??= ActivitySet(staged.Readable, sentWatermark));
            }
            else if (selected.Count > 0)
            {
                subscriber.Frames.Writer.TryWrite(ActivitySet(selected, sentWatermark));
            }
        }
    }

    /// <summary>
    /// With several hosts on one log, another host may have appended just before this host's entries, and the notice of
    /// it (<see cref="CatchUp"/>) may come after this push, when it would find nothing new: a socket here would skip it.
    /// So what lies between what the sockets got and <paramref name="firstSequence"/> is read from the log and sent
    /// first. On one host nothing lies between (turns of a conversation are published in order) and nothing is read.
    /// </summary>
    private void SendWhatCameBefore(FeedState feed, string conversationId, int firstSequence)
    {
        if (feed.Subscribers.Count == 0)
        {
            return;
        }

        var from = feed.Subscribers.Min(s => Math.Max(s.BacklogWatermark, s.Delivered));
        if (from >= firstSequence)
        {
            return;
        }

        foreach (var entry in store.ReadFrom(conversationId, from).Where(e => e.Sequence < firstSequence))
        {
            Push(feed, overlay.Find(entry.Id) ?? entry.Json, entry.Sequence + 1, caughtUp: true);
        }
    }

    /// <summary>
    /// Another host appended to the conversation's log up to <paramref name="watermark"/>: the sockets open here get
    /// the stored activities they have not had, read from the log, in order.
    /// </summary>
    public void CatchUp(string conversationId, int watermark)
    {
        if (!_feeds.TryGetValue(conversationId, out var feed))
        {
            return;
        }

        lock (feed)
        {
            var from = feed.Subscribers.Count == 0 ? watermark : feed.Subscribers.Min(s => Math.Max(s.BacklogWatermark, s.Delivered));
            if (watermark <= from)
            {
                return;
            }

            foreach (var entry in store.ReadFrom(conversationId, from))
            {
                Push(feed, overlay.Find(entry.Id) ?? entry.Json, entry.Sequence + 1, caughtUp: true);
            }
        }
    }

    /// <summary>Forgets the readable copies of staged activities whose write was not kept.</summary>
    public void Discard(StagedActivities staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        if (!staged.Confidential)
        {
            return;
        }

        lock (Feed(staged.ConversationId))
        {
            foreach (var activity in staged.Activities)
            {
                overlay.Remove(activity.Id!);
            }
        }
    }

    private static string IdOf(string conversationId, int sequence) => conversationId + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>
    /// Changes the stored conversation under the feed lock. Every write of the record goes through here or
    /// <see cref="Append"/>, so a touch can never overwrite a watermark that an append just moved.
    /// </summary>
    public T Change<T>(string conversationId, Func<DirectLineConversation, T> change)
    {
        var feed = Feed(conversationId);
        lock (feed)
        {
            var conversation = store.Find(conversationId)
                ?? throw new InvalidOperationException("The Direct Line conversation does not exist.");
            var result = change(conversation);
            store.Update(conversation);
            return result;
        }
    }

    /// <summary>
    /// Pushes an activity to open sockets only (typing; the user's message before its turn is stored): not stored,
    /// not seen by polling clients. It gets a live id of its own.
    /// </summary>
    public Activity PushLive(string conversationId, Activity activity) => PushLive(conversationId, activity, known: null);

    /// <summary>
    /// As <see cref="PushLive(string, Activity)"/>, with the conversation as the caller read it a moment ago (a
    /// post's access check): its watermark and last timestamp can only be behind, which a live frame tolerates (the
    /// feed's own last timestamp keeps the order; a lower watermark only makes a reconnect read a little more).
    /// </summary>
    public Activity PushLive(string conversationId, Activity activity, DirectLineConversation? known)
    {
        var feed = Feed(conversationId);
        lock (feed)
        {
            var conversation = known ?? store.Find(conversationId)
                ?? throw new InvalidOperationException("The Direct Line conversation does not exist.");
            var stamped = activity with
            {
                Id = conversationId + "|live-" + Guid.NewGuid().ToString("N"),
                Timestamp = NextTimestamp(feed.LastTimestamp, conversation.LastTimestamp),
            };
            feed.LastTimestamp = stamped.Timestamp!.Value;
            Push(feed, JsonSerializer.Serialize(stamped, ActivityJson.Options), conversation.NextSequence, stored: false);
            return stamped;
        }
    }

    /// <summary>An ActivitySet JSON of the log from <paramref name="watermark"/> on (clamped to the log).</summary>
    public string ReadSet(DirectLineConversation conversation, int watermark) => ReadBacklog(conversation, watermark).Set;

    /// <summary>
    /// The log from <paramref name="watermark"/> on and the watermark after what it holds. That can be past the
    /// conversation's record as read: a turn (of this host or another) may have committed in between, and its entries
    /// are then in the set.
    /// </summary>
    private (string Set, int Watermark) ReadBacklog(DirectLineConversation conversation, int watermark)
    {
        var from = Math.Max(watermark, 0);
        var stored = store.ReadFrom(conversation.Id, from);
        if (stored.Count == 0 && from > conversation.NextSequence)
        {
            // Past the log as the record was read: a page committed since, whose watermark the record did not have
            // yet (the entry before the client's place is stored then), or a watermark past the end, which is clamped
            // to it as Direct Line does.
            stored = store.ReadFrom(conversation.Id, from - 1);
            if (stored.Count > 0)
            {
                stored = [.. stored.Where(e => e.Sequence >= from)];
            }
            else
            {
                from = conversation.NextSequence;
                stored = store.ReadFrom(conversation.Id, from);
            }
        }

        // Confidential activities are stored redacted; their readable copy is served while the overlay holds it.
        var entries = stored.Select(e => overlay.Find(e.Id) ?? e.Json).ToList();
        return (ActivitySet(entries, from + entries.Count), from + entries.Count);
    }

    /// <summary>
    /// Registers a socket and returns the backlog from <paramref name="watermark"/> as its first frame. Done under
    /// the feed lock so that nothing appended in between is lost or sent twice.
    /// </summary>
    public FeedSubscription Subscribe(string conversationId, int watermark)
    {
        var feed = Feed(conversationId);
        lock (feed)
        {
            var conversation = store.Find(conversationId)
                ?? throw new InvalidOperationException("The Direct Line conversation does not exist.");
            // The backlog's own watermark, not the record's: an entry committed between reading the two is in the
            // backlog, and the push or catch-up that follows its commit must not send it again.
            var (backlog, backlogWatermark) = ReadBacklog(conversation, watermark);
            var subscription = new FeedSubscription(backlog, s => Unsubscribe(feed, s)) { BacklogWatermark = backlogWatermark };
            feed.Subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Drops the in-memory state of a deleted conversation and closes its sockets.</summary>
    public void Forget(string conversationId)
    {
        if (_feeds.TryRemove(conversationId, out var feed))
        {
            lock (feed)
            {
                foreach (var subscriber in feed.Subscribers)
                {
                    subscriber.Frames.Writer.TryComplete();
                }
            }
        }
    }

    public static string ActivitySet(IReadOnlyList<string> activitiesJson, int watermark)
    {
        var builder = new StringBuilder("{\"activities\":[");
        builder.AppendJoin(',', activitiesJson);
        builder.Append("],\"watermark\":\"").Append(watermark.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        return builder.ToString();
    }

    private DateTimeOffset NextTimestamp(DateTimeOffset feedLast, DateTime storedLast)
    {
        // Millisecond precision is what goes on the wire; one millisecond past the previous one keeps the order
        // strict even when the clock stands still or steps back.
        var now = time.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var last = new DateTimeOffset(DateTime.SpecifyKind(storedLast.ToUniversalTime(), DateTimeKind.Utc));
        if (feedLast > last)
        {
            last = feedLast;
        }

        return now > last ? now : last.AddMilliseconds(1);
    }

    /// <summary>
    /// Sends one activity to the sockets. A stored one goes only to sockets that have not seen it: not in their
    /// backlog (a socket opened between a commit and its <see cref="Publish"/> read it from the log), nor, read from the
    /// log for another host's change (<paramref name="caughtUp"/>), pushed already.
    /// </summary>
    private static void Push(FeedState feed, string activityJson, int watermark, bool stored = true, bool caughtUp = false)
    {
        if (feed.Subscribers.Count == 0)
        {
            return;
        }

        var frame = ActivitySet([activityJson], watermark);
        foreach (var subscriber in feed.Subscribers)
        {
            if (stored && watermark <= (caughtUp ? Math.Max(subscriber.BacklogWatermark, subscriber.Delivered) : subscriber.BacklogWatermark))
            {
                continue;
            }

            subscriber.Frames.Writer.TryWrite(frame);
            if (stored)
            {
                subscriber.Delivered = Math.Max(subscriber.Delivered, watermark);
            }
        }
    }

    private static void Unsubscribe(FeedState feed, FeedSubscription subscription)
    {
        lock (feed)
        {
            feed.Subscribers.Remove(subscription);
        }
    }

    private FeedState Feed(string conversationId) => _feeds.GetOrAdd(conversationId, _ => new FeedState());

    private sealed class FeedState
    {
        public List<FeedSubscription> Subscribers { get; } = [];
        public DateTimeOffset LastTimestamp { get; set; }
    }
}

/// <summary>One open stream: the first frame, then every pushed frame in order.</summary>
internal sealed class FeedSubscription(string backlog, Action<FeedSubscription> onDispose) : IDisposable
{
    public string Backlog { get; } = backlog;

    /// <summary>The watermark after the backlog: stored activities at or below it were in it.</summary>
    public int BacklogWatermark { get; init; }

    /// <summary>The watermark of the last stored activity pushed to this socket (after its backlog). Guarded by the feed lock.</summary>
    public int Delivered { get; set; }

    public Channel<string> Frames { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Frames.Writer.TryComplete();
            onDispose(this);
        }
    }
}

/// <summary>Activities written to a conversation's log by <see cref="ActivityFeed.Stage"/>, to publish once durable.</summary>
internal sealed record StagedActivities(
    string ConversationId, IReadOnlyList<Activity> Activities, IReadOnlyList<string> Readable, IReadOnlyList<int> Sequences, DateTimeOffset LastTimestamp, bool Confidential);
