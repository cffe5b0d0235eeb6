using System.Text.RegularExpressions;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Telemetry;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Engine;

/// <summary>
/// The turn pipeline every channel feeds (docs/architecture.md "The path of a turn"): turns and proactive messages of
/// one conversation in order (<see cref="ConversationSequencer"/>, the only place that orders them), de-duplication by
/// activity id, state loaded, then the bot run inside one unit of work (<see cref="IUnitOfWork"/>): whatever the turn
/// writes through the stores is staged and committed once, with the form drafts, the sender's reference and the
/// state (with the activity id), and the replies are handed back (or delivered by the channel, still in the
/// conversation's place in line) only after that commit. Features never see a transaction. A turn whose writes met a
/// concurrent change is run again (up to <see cref="UnitOfWorkRunner.MaxAttempts"/> times), and so is a turn whose
/// pattern match ran out of time on a starved machine (up to <see cref="MaxOutOfTimeAttempts"/> times); when those
/// attempts run out, the user hears that the server is busy and nothing of the turn is kept, so the form waits where
/// it was. A turn that throws anything else keeps nothing, apologises once and clears the dialog stack. The commit is shared with the turns of other conversations
/// that finish at the same moment (group commit): storage dominated a turn's cost (BENCHMARKS.md "Load"). The
/// activity id is recorded in the state document itself, and turns of one conversation are serialised (in this process
/// by the sequencer; across processes by the storage adapter, whose state load inside the unit waits for the
/// conversation's other turns), so checking the id on the state loaded in the unit and recording it with the state
/// runs an activity at most once.
/// </summary>
public sealed partial class TurnProcessor(
    IBot bot,
    IConversationStateStore states,
    IConversationReferenceStore references,
    IUnitOfWorkFactory units,
    ConversationSequencer sequencer,
    TurnRateLimiter rateLimiter,
    IEnumerable<ITurnReplay> replays,
    SinergiTelemetry telemetry,
    ILogger<TurnProcessor> logger)
{
    private static readonly LocalizedText Apology = new(
        "Maaf, terjadi kesalahan di pihak kami dan percakapan tadi kami mulai ulang. Silakan coba lagi, atau ketik *bantuan*.",
        "Sorry, something went wrong on our side and we restarted the conversation. Please try again, or type *help*.");

    /// <summary>What a user hears when their message could not be saved.</summary>
    internal static readonly LocalizedText StorageApology = new(
        "Maaf, pesan Anda belum bisa saya simpan karena gangguan penyimpanan di server. Yang sudah tersimpan sebelumnya aman. Silakan kirim lagi sebentar lagi.",
        "Sorry, I could not save your message because of a storage problem on the server. Everything saved before is safe. Please send it again in a moment.");

    /// <summary>
    /// How often a turn runs whose pattern match ran out of time. The time limits of the patterns
    /// (<c>matchTimeoutMilliseconds</c>, a guard against runaway backtracking) count wall-clock time, so on a machine
    /// with far more runnable threads than cores a thread descheduled during a match hits them on ordinary input
    /// (BENCHMARKS.md "A turn that fails under load"); the next run almost always finds the core.
    /// </summary>
    public const int MaxOutOfTimeAttempts = 3;

    /// <summary>What a user hears when their turn could not run now (the server too busy); nothing of it was kept.</summary>
    internal static readonly LocalizedText BusyApology = new(
        "Maaf, server sedang sibuk sehingga pesan Anda belum saya proses. Jawaban Anda sebelumnya tetap tersimpan. Silakan kirim lagi pesan tadi sebentar lagi.",
        "Sorry, the server is busy and I have not processed your message. Your earlier answers are kept. Please send that message again in a moment.");

    private static readonly LocalizedText TooManyMessages = new(
        "Terlalu banyak pesan. Coba lagi dalam {0} detik.",
        "Too many messages. Please try again in {0} seconds.");

    /// <summary>Runs one turn. The activity must carry a type, a channel id, a conversation id and a sender id.</summary>
    public Task<TurnResult> ProcessAsync(Activity activity, CancellationToken cancellationToken) =>
        ProcessAsync(activity, null, null, cancellationToken);

    /// <summary>
    /// Runs one turn in the conversation's place in line, which is taken before this method returns (a channel that
    /// does not wait for the turn still has its turns run in the order it asked). <paramref name="record"/> runs with
    /// what the turn produced inside the commit that keeps the turn (a channel's transcript: the Direct Line echo and
    /// replies); it may run more than once (a turn run again after a conflict); only the last run's writes are kept.
    /// <see cref="TurnResult.Saved"/> tells whether they were. <paramref name="deliver"/> sends the replies after the
    /// commit and before anything else of the conversation runs (a reminder never lands between a message and its
    /// answer); what it throws is the caller's, and the turn stays kept.
    /// </summary>
    public async Task<TurnResult> ProcessAsync(
        Activity activity,
        Action<TurnResult>? record,
        Func<TurnResult, CancellationToken, Task>? deliver,
        CancellationToken cancellationToken)
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

        using var measured = telemetry.StartTurn(activity);

        // Before any read: a flood from one account costs a rate check and a place in line, nothing more.
        var refused = activity.Type == ActivityTypes.Message && activity.From!.Role != "bot"
            && rateLimiter.TryAcquire(UserKey(channelId, activity.From.Id!)) is { IsAllowed: false } decision ? decision : (RateDecision?)null;
        var conversationKey = ConversationKeys.For(channelId, conversationId);
        var afterCommit = new List<Func<CancellationToken, Task>>();
        var inLine = sequencer.RunAsync(conversationKey, async () =>
        {
            var result = refused is not null
                ? await RecordAloneAsync(Throttled(activity, channelId, conversationId, refused.Value), record, cancellationToken)
                : await RunTurnAsync(activity, channelId, conversationKey, record, afterCommit, cancellationToken);
            if (deliver is not null)
            {
                await deliver(result, cancellationToken);
            }

            return result;
        });
        try
        {
            return measured.End(await inLine);
        }
        finally
        {
            // Outside the conversation's line, which has moved on: work that messages other conversations can never
            // wait for a line that waits for this one.
            await RunAfterCommitAsync(afterCommit, cancellationToken);
        }
    }

    private async Task<TurnResult> RunTurnAsync(
        Activity activity,
        string channelId,
        string conversationKey,
        Action<TurnResult>? record,
        List<Func<CancellationToken, Task>> afterCommit,
        CancellationToken cancellationToken)
    {
        var key = StateKey(activity, conversationKey);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ConversationId"] = activity.Conversation!.Id!, ["ChannelId"] = channelId });

        TurnContext? turn = null;
        for (var attempt = 1; ; attempt++)
        {
            turn = null;
            try
            {
                var result = await RunOnceAsync(activity, key, channelId, loaded => turn = loaded, record, cancellationToken);
                if (turn is not null)
                {
                    afterCommit.AddRange(turn.AfterCommitWork);
                }

                return result;
            }
            catch (Exception ex) when (ex is StorageConflictException or ConcurrencyException && attempt < UnitOfWorkRunner.MaxAttempts)
            {
                // What the turn wrote was changed by someone else while it ran: nothing of it was kept. Run it again
                // on what is stored now (the activity may have been processed meanwhile); its replies were not sent.
                LogConflict(ex, attempt);
            }
            catch (RegexMatchTimeoutException ex) when (attempt < MaxOutOfTimeAttempts)
            {
                // The match was not slow, the machine was (see MaxOutOfTimeAttempts): nothing of the turn was kept.
                LogOutOfTime(ex, attempt);
            }
            catch (Exception ex) when (ex is StorageConflictException or ConcurrencyException or RegexMatchTimeoutException)
            {
                // The attempts ran out: a busy host says so and keeps the conversation where it was (no stack cleared).
                return Busy(activity, turn?.State ?? new ConversationState { Id = key }, ex);
            }
            catch (StorageUnavailableException ex)
            {
                // Nothing of this turn was saved, not even its activity id: the state stays where it was, so the same
                // message sent again once the disk writes again picks up at the same question.
                return StorageFailed(activity, turn?.State ?? new ConversationState { Id = key }, ex, turn?.IsConfidential ?? false);
            }
            catch (Exception ex) when (turn is not null && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
            {
                return await FailedAsync(turn, channelId, key, record, ex);
            }
        }
    }

    /// <summary>
    /// One run of the bot in a unit of work. The state is loaded inside the unit, so an adapter that serialises a
    /// conversation's turns across processes does so before the activity id is checked; a repeat runs no bot.
    /// Everything the turn wrote through the stores, its form drafts, the sender's reference and the state (with the
    /// activity id) commit once, and only then are the replies handed back.
    /// </summary>
    private async Task<TurnResult> RunOnceAsync(
        Activity activity, string key, string channelId, Action<TurnContext> started, Action<TurnResult>? record, CancellationToken cancellationToken)
    {
        TurnResult result;
        using (var unit = units.Begin())
        {
            var state = states.Load(key);
            if (state.HasProcessed(activity.Id))
            {
                LogDuplicate(activity.Id!);
                return await RecordInAsync(unit, Replay(activity) ?? TurnResult.Duplicate, record, cancellationToken);
            }

            var turn = new TurnContext(activity, state);
            started(turn);
            await bot.OnTurnAsync(turn, cancellationToken);
            result = new TurnResult(TurnStatus.Completed, turn.Replies, turn.InvokeResponse) { Confidential = turn.IsConfidential };
            record?.Invoke(result);

            // Serialised here, in parallel with other turns; the shared commit only writes.
            turn.State.RememberActivity(activity.Id);
            var saveState = states.PrepareSave(turn.State);
            var saveReference = PrepareSenderReference(activity, channelId);
            await unit.CommitAsync(
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
        }

        return result;
    }

    /// <summary>A repeat still has the channel record its outcome, in the unit that found it.</summary>
    private async Task<TurnResult> RecordInAsync(IUnitOfWork unit, TurnResult result, Action<TurnResult>? record, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            return result;
        }

        try
        {
            record(result);
            await unit.CommitAsync(null, cancellationToken);
            return result;
        }
        catch (StorageUnavailableException ex)
        {
            LogStorageUnavailable(ex, result.Status.ToString());
            return result with { Saved = false };
        }
    }

    /// <summary>A turn that ran no bot (throttled) still has the channel record its outcome, in a commit of its own.</summary>
    private async Task<TurnResult> RecordAloneAsync(TurnResult result, Action<TurnResult>? record, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            return result;
        }

        using var unit = units.Begin();
        return await RecordInAsync(unit, result, record, cancellationToken);
    }

    /// <summary>Work the turn asked for once it is kept (a notice to someone else); each writes for itself.</summary>
    private async Task RunAfterCommitAsync(List<Func<CancellationToken, Task>> afterCommit, CancellationToken cancellationToken)
    {
        foreach (var work in afterCommit)
        {
            try
            {
                await work(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogAfterCommitFailed(ex);
            }
        }
    }

    /// <summary>The turn threw: nothing it wrote is kept, the dialog stack is cleared (so a bad state cannot loop) and the user hears one apology.</summary>
    private async Task<TurnResult> FailedAsync(TurnContext turn, string channelId, string key, Action<TurnResult>? record, Exception exception)
    {
        var activity = turn.Activity;
        LogTurnFailed(exception, activity.Type);
        var apology = new TurnContext(activity, turn.State);
        apology.SendText(Apology);
        var result = new TurnResult(TurnStatus.Failed, apology.Replies, new InvokeResponse(500)) { Confidential = turn.IsConfidential };
        try
        {
            using var cleanup = units.Begin();
            record?.Invoke(result);
            await cleanup.CommitAsync(
                () =>
                {
                    PrepareSenderReference(activity, channelId)?.Invoke();
                    states.ClearStack(key, activity.Id);
                },
                CancellationToken.None);
        }
        catch (StorageUnavailableException storage)
        {
            return StorageFailed(activity, turn.State, storage, turn.IsConfidential);
        }

        return result;
    }

    /// <summary>The storage could not write (a full disk, an I/O error): a short apology, 503, nothing else (issue 14, finding 3).</summary>
    private TurnResult StorageFailed(Activity activity, ConversationState state, StorageUnavailableException exception, bool confidential)
    {
        LogStorageUnavailable(exception, activity.Type);
        var apology = new TurnContext(activity, state);
        apology.SendText(StorageApology);
        return new TurnResult(TurnStatus.Failed, apology.Replies, new InvokeResponse(503)) { Confidential = confidential, Saved = false };
    }

    /// <summary>
    /// The turn could not run now (its attempts met conflicts or ran out of time): nothing of it was kept, not even what
    /// the channel would record with it (the message may be a tip not yet recognised as one), the state stays where it
    /// was, and the user is asked to send the message again; HTTP callers get 503.
    /// </summary>
    private TurnResult Busy(Activity activity, ConversationState state, Exception exception)
    {
        LogBusy(exception, activity.Type);
        var apology = new TurnContext(activity, state);
        apology.SendText(BusyApology);
        return new TurnResult(TurnStatus.Busy, apology.Replies, new InvokeResponse(503)) { Saved = false };
    }

    /// <summary>
    /// A repeated activity runs no turn, but a feature may give back the answer the first run gave when that answer may
    /// have been lost (<see cref="ITurnReplay"/>: the tip line's receipt after a crash).
    /// </summary>
    private TurnResult? Replay(Activity activity)
    {
        foreach (var replay in replays)
        {
            try
            {
                if (replay.Replay(activity) is { } again)
                {
                    return new TurnResult(TurnStatus.Completed, again.Replies, null) { Confidential = again.Confidential, Replayed = true };
                }
            }
            catch (StorageUnavailableException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The turn does not run; the user hears why once per wait, later messages in the same wait get nothing.</summary>
    private TurnResult Throttled(Activity activity, string channelId, string conversationId, RateDecision refused)
    {
        LogThrottled(channelId, refused.RetryAfter.TotalSeconds);
        var turn = new TurnContext(activity, new ConversationState { Id = ConversationKeys.For(channelId, conversationId) });
        if (refused.ShouldNotify)
        {
            turn.SendText(turn.F(TooManyMessages, Math.Max(1, (int)Math.Ceiling(refused.RetryAfter.TotalSeconds))));
        }

        return new TurnResult(TurnStatus.Throttled, turn.Replies, new InvokeResponse(429));
    }

    /// <summary>The write that remembers where the sender can be reached, or null when there is nothing new.</summary>
    private Action? PrepareSenderReference(Activity activity, string channelId) =>
        activity.From?.Role == "bot" ? null : references.PrepareSave(activity.GetConversationReference(), UserKey(channelId, activity.From!.Id!));

    /// <summary>
    /// Whose state a turn uses: the conversation's, or in a group conversation (Teams channels and group chats) the
    /// sender's own within it, so that one member's open form is neither answered nor blocked by another member
    /// (issue 14, finding 6; the engine also refuses a step from anyone but the dialog's starter).
    /// </summary>
    public static string StateKey(Activity activity, string conversationKey)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.IsGroup == true && activity.From?.Id is { Length: > 0 } from ? conversationKey + "|" + from : conversationKey;
    }

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

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Turn for a {ActivityType} activity not saved: storage unavailable")]
    private partial void LogStorageUnavailable(Exception exception, string? activityType);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Work after a turn's commit failed; the turn's writes are kept")]
    private partial void LogAfterCommitFailed(Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Turn met a concurrent change on attempt {Attempt}; running it again")]
    private partial void LogConflict(Exception exception, int attempt);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Turn ran out of time in a pattern match on attempt {Attempt} (a starved machine); running it again")]
    private partial void LogOutOfTime(Exception exception, int attempt);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "Turn for a {ActivityType} activity could not run (server busy); nothing kept, the user asked to send again")]
    private partial void LogBusy(Exception exception, string? activityType);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Turn for a {ActivityType} activity failed; dialog stack cleared")]
    private partial void LogTurnFailed(Exception exception, string? activityType);
}
