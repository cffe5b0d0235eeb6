using Bot.Dialogs.Activities;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Telemetry;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Engine;

/// <summary>
/// The turn pipeline every channel feeds (DESIGN.md "The turn pipeline"): one turn per conversation at a time,
/// de-duplication by activity id, state loaded, the bot run, then one commit of the activity id, the conversation
/// reference and the state (only when the turn did not throw), and one catch that apologises once and clears the
/// dialog stack. The commit is shared with the turns of other conversations that finish at the same moment
/// (<see cref="GroupCommitter"/>): storage dominated a turn's cost (BENCHMARKS.md "Load"). The activity id is
/// recorded in the state document itself, and turns of one conversation are serialised, so checking the id first
/// and recording it with the state still runs an activity at most once.
/// </summary>
public sealed partial class TurnProcessor(
    IBot bot,
    ConversationStateStore states,
    ConversationReferenceStore references,
    GroupCommitter commits,
    TurnRateLimiter rateLimiter,
    SinergiTelemetry telemetry,
    ILogger<TurnProcessor> logger)
{
    private static readonly LocalizedText Apology = new(
        "Maaf, terjadi kesalahan di pihak kami dan percakapan tadi kami mulai ulang. Silakan coba lagi, atau ketik *bantuan*.",
        "Sorry, something went wrong on our side and we restarted the conversation. Please try again, or type *help*.");

    private static readonly LocalizedText TooManyMessages = new(
        "Terlalu banyak pesan. Coba lagi dalam {0} detik.",
        "Too many messages. Please try again in {0} seconds.");

    private readonly KeyedLock _conversationLocks = new();

    /// <summary>Runs one turn. The activity must carry a type, a channel id, a conversation id and a sender id.</summary>
    public async Task<TurnResult> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var measured = telemetry.StartTurn(activity);
        return measured.End(await RunTurnAsync(activity, cancellationToken));
    }

    private async Task<TurnResult> RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelId = Require(activity.ChannelId, "channelId");
        var conversationId = Require(activity.Conversation?.Id, "conversation.id");
        Require(activity.Type, "type");
        Require(activity.From?.Id, "from.id");
        if (ActivityLimits.IsOverlong(activity.Id))
        {
            throw new ArgumentException($"The activity's id is longer than {ActivityLimits.MaxIdBytes} bytes.", nameof(activity));
        }

        // Before any lock or read: a flood from one account must cost as little as possible.
        if (activity.Type == ActivityTypes.Message && activity.From!.Role != "bot"
            && rateLimiter.TryAcquire(UserKey(channelId, activity.From.Id!)) is { IsAllowed: false } refused)
        {
            return Throttled(activity, channelId, conversationId, refused);
        }

        var key = ConversationReferenceStore.ConversationKey(channelId, conversationId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ConversationId"] = conversationId, ["ChannelId"] = channelId });
        using var held = await _conversationLocks.AcquireAsync(key, cancellationToken);

        var state = states.Load(key);
        if (state.HasProcessed(activity.Id))
        {
            LogDuplicate(activity.Id!);
            return TurnResult.Duplicate;
        }

        var turn = new TurnContext(activity, state);
        try
        {
            await bot.OnTurnAsync(turn, cancellationToken);

            // Serialised here, in parallel with other turns; the shared commit only writes.
            turn.State.RememberActivity(activity.Id);
            var saveState = states.PrepareSave(turn.State);
            var saveReference = PrepareSenderReference(activity, channelId);
            await commits.CommitAsync(
                () =>
                {
                    saveReference?.Invoke();
                    saveState();
                    foreach (var write in turn.CommitWrites)
                    {
                        write();
                    }
                },
                cancellationToken);
            return new TurnResult(TurnStatus.Completed, turn.Replies, turn.InvokeResponse) { Confidential = turn.IsConfidential };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(ex, activity.Type);
            await commits.CommitAsync(
                () =>
                {
                    PrepareSenderReference(activity, channelId)?.Invoke();
                    states.ClearStack(key, activity.Id);
                },
                CancellationToken.None);
            var apology = new TurnContext(activity, turn.State);
            apology.SendText(Apology);
            return new TurnResult(TurnStatus.Failed, apology.Replies, new InvokeResponse(500)) { Confidential = turn.IsConfidential };
        }
    }

    /// <summary>The turn does not run; the user hears why once per wait, later messages in the same wait get nothing.</summary>
    private TurnResult Throttled(Activity activity, string channelId, string conversationId, RateDecision refused)
    {
        LogThrottled(channelId, refused.RetryAfter.TotalSeconds);
        var turn = new TurnContext(activity, new ConversationState { Id = ConversationReferenceStore.ConversationKey(channelId, conversationId) });
        if (refused.ShouldNotify)
        {
            turn.SendText(turn.F(TooManyMessages, Math.Max(1, (int)Math.Ceiling(refused.RetryAfter.TotalSeconds))));
        }

        return new TurnResult(TurnStatus.Throttled, turn.Replies, new InvokeResponse(429));
    }

    /// <summary>The write that remembers where the sender can be reached, or null when there is nothing new.</summary>
    private Action? PrepareSenderReference(Activity activity, string channelId) =>
        activity.From?.Role == "bot" ? null : references.PrepareSave(activity.GetConversationReference(), UserKey(channelId, activity.From!.Id!));

    /// <summary>The user key of a channel account: channel and account id.</summary>
    public static string UserKey(string channelId, string userId) => channelId + "|" + userId;

    private static string Require(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"The activity has no {field}.", nameof(value))
        : ActivityLimits.IsOverlong(value) ? throw new ArgumentException($"The activity's {field} is longer than {ActivityLimits.MaxIdBytes} bytes.", nameof(value))
        : value;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Activity {ActivityId} was processed before; skipped")]
    private partial void LogDuplicate(string activityId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Message on {ChannelId} throttled; next turn in {RetryAfterSeconds} s")]
    private partial void LogThrottled(string channelId, double retryAfterSeconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Turn for a {ActivityType} activity failed; dialog stack cleared")]
    private partial void LogTurnFailed(Exception exception, string? activityType);
}
