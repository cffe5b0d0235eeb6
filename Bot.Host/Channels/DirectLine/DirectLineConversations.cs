using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Bot.Dialogs.Activities;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The conversation operations behind the endpoints: create on token generation, start once (the welcome),
/// accept the user's activities (echo first, then the bot's turn), and forget idle conversations.
/// </summary>
internal sealed partial class DirectLineConversations(
    IDirectLineStore store,
    ActivityFeed feed,
    DirectLineTurns turns,
    DirectLineAttachments attachments,
    TimeProvider time,
    IOptions<DirectLineOptions> options,
    ILogger<DirectLineConversations> logger)
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(5);
    private readonly Lock _purgeGate = new();
    private readonly ConcurrentDictionary<string, byte> _starting = new(StringComparer.Ordinal);
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    /// <summary>
    /// A new conversation; <paramref name="anonymous"/> when the page got it without the secret (its uploads count
    /// against the anonymous caps).
    /// </summary>
    public DirectLineConversation Create(string? userId, string? userName, bool anonymous)
    {
        PurgeIdleIfDue();
        var now = time.GetUtcNow().UtcDateTime;
        var conversation = new DirectLineConversation
        {
            Id = RandomId(),
            UserId = userId ?? "dl_" + RandomId(),
            UserName = userName,
            CreatedAt = now,
            LastSeenAt = now,
            Anonymous = anonymous,
            AwaitingFirstMessage = true,
        };
        store.Create(conversation);
        return conversation;
    }

    public DirectLineConversation? Find(string conversationId) => store.Find(conversationId);

    /// <summary>
    /// Starts the conversation unless it was started before (or is being started by this host); true when this call
    /// started it. The record's <see cref="DirectLineConversation.Started"/> and locale are written by the welcome turn's
    /// commit (<see cref="DirectLineTurns.RunTurnAsync"/>), not in a transaction of their own: one fsync'd write less per
    /// conversation (BENCHMARKS.md "Load", session 13). Until that commit this host remembers the start, so a second
    /// start answers "started before"; a welcome not kept (a crash, a busy host) leaves the conversation unstarted, and the
    /// next start (Web Chat's reconnect) runs it again. Another host starting it at the same moment runs the same welcome
    /// activity id, which the turn pipeline finds processed (<c>TurnResult.Repeated</c>) and stores nothing for.
    /// </summary>
    public bool Start(DirectLineConversation conversation, string? locale)
    {
        if (conversation.Started)
        {
            TouchIfStale(conversation);
            return false;
        }

        if (!_starting.TryAdd(conversation.Id, 0))
        {
            return false;
        }

        // The welcome turn: nobody waits for it, and its failure is logged where it ran.
        var starting = conversation.Copy();
        starting.Locale = locale ?? starting.Locale;
        Forget(WelcomeAsync(starting));
        LogStarted(starting.Id);
        return true;
    }

    private async Task WelcomeAsync(DirectLineConversation conversation)
    {
        try
        {
            await turns.RunTurnAsync(conversation, StartActivity(conversation), echo: false);
        }
        finally
        {
            _starting.TryRemove(conversation.Id, out _);
        }
    }

    /// <summary>Marks the conversation as used when its last-seen time is older than <see cref="ActivityFeed.TouchInterval"/>.</summary>
    public void TouchIfStale(DirectLineConversation conversation)
    {
        if (time.GetUtcNow().UtcDateTime - conversation.LastSeenAt.ToUniversalTime() > ActivityFeed.TouchInterval)
        {
            Touch(conversation);
        }
    }

    /// <summary>Marks the conversation as used (keeps it from being purged).</summary>
    public void Touch(DirectLineConversation conversation)
    {
        var now = time.GetUtcNow().UtcDateTime;
        feed.Change(conversation.Id, current => current.LastSeenAt = now);
    }

    /// <summary>
    /// Gives the user's activity its id and starts the bot's turn; the endpoint answers the POST when
    /// <see cref="PostedActivity.Kept"/> has ended, so an acknowledged message is a committed one: a host that dies
    /// before the commit fails the POST, and the client sends it again (to another host, behind a load balancer)
    /// instead of waiting for a reply that never comes. The activity is written to the log with its turn: the echo, the
    /// replies, the state and whatever the turn wrote are one commit (<see cref="DirectLineTurns.RunTurnAsync"/>), and
    /// the sockets get them after it. The echo is not pushed before that: Web Chat marks a message sent once its POST
    /// has completed and its echo has come back, and DirectLineJS completes a POST that failed with a 5xx or a dropped
    /// connection as if it had succeeded, so an echo pushed before the commit would mark sent a message that was never
    /// kept. Whether a turn is confidential (a cold <c>lapor</c> or <c>cek TIP-…</c>) is known once it ran, so the
    /// echo of a confidential turn is stored redacted from the start: the words of a tip are never written.
    /// </summary>
    public PostedActivity Post(DirectLineConversation conversation, Activity incoming)
    {
        var activity = incoming with
        {
            Id = InboundActivityIds.For(conversation.Id, incoming.ChannelData),
            Timestamp = null,
            ChannelId = DirectLineChannel.ChannelId,
            ServiceUrl = DirectLineChannel.ServiceUrl,
            Conversation = DirectLineChannel.Conversation(conversation.Id),
            From = DirectLineChannel.User(conversation) with { Name = incoming.From?.Name ?? conversation.UserName },
            Recipient = DirectLineChannel.Bot,
            // Never trusted from the wire (rule A2251).
            CallerId = null,
            Locale = incoming.Locale ?? conversation.Locale,
        };

        if (activity.Type == ActivityTypes.Typing)
        {
            // Azure pushes typing live and keeps it out of the log and away from the bot; so do we.
            return new(feed.PushLive(conversation.Id, activity, known: conversation), Task.FromResult(true));
        }

        return new(activity, KeptAsync(turns.RunTurnAsync(conversation, activity, echo: true)));
    }

    /// <summary>
    /// Whether the turn was kept; a turn that threw (or was cancelled by the host stopping) was not, and its failure was
    /// logged where it ran. Never faults, so a POST whose client went away leaves nothing unobserved.
    /// </summary>
    private static async Task<bool> KeptAsync(Task<bool> turn)
    {
        try
        {
            return await turn;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>The welcome turn: nobody waits for it, and its failure was logged where it ran.</summary>
    private static void Forget(Task turn) =>
        _ = turn.ContinueWith(static failed => failed.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private Activity StartActivity(DirectLineConversation conversation) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = conversation.Id + "|start",
        Timestamp = time.GetUtcNow(),
        ChannelId = DirectLineChannel.ChannelId,
        ServiceUrl = DirectLineChannel.ServiceUrl,
        Conversation = DirectLineChannel.Conversation(conversation.Id),
        From = DirectLineChannel.User(conversation),
        Recipient = DirectLineChannel.Bot,
        Locale = conversation.Locale,
        // Both members at once, like a token that names its user: the welcome shows before the user types.
        MembersAdded = [DirectLineChannel.User(conversation), DirectLineChannel.Bot],
    };

    private void PurgeIdleIfDue()
    {
        var now = time.GetUtcNow();
        lock (_purgeGate)
        {
            if (now < _nextPurge)
            {
                return;
            }

            _nextPurge = now + PurgeInterval;
        }

        var settings = options.Value;
        foreach (var id in store.DeleteIdle((now - settings.ConversationRetention).UtcDateTime, (now - settings.UnusedConversationRetention).UtcDateTime))
        {
            attachments.DeleteForConversation(id);
            feed.Forget(id);
            LogPurged(id);
        }
    }

    private static string RandomId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId} started")]
    private partial void LogStarted(string conversationId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Idle Direct Line conversation {ConversationId} deleted")]
    private partial void LogPurged(string conversationId);
}
