using Bot.Dialogs.Activities;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Engine;

/// <summary>
/// The turn pipeline every channel feeds (DESIGN.md "The turn pipeline"): one turn per conversation at a time,
/// de-duplication by activity id, the conversation reference stored, state loaded, the bot run, state saved
/// only when the turn did not throw, and one catch that apologises once and clears the dialog stack.
/// </summary>
public sealed partial class TurnProcessor(
    IBot bot,
    ConversationStateStore states,
    ConversationReferenceStore references,
    ProcessedActivityStore processed,
    ILogger<TurnProcessor> logger)
{
    private static readonly LocalizedText Apology = new(
        "Maaf, terjadi kesalahan di pihak kami dan percakapan tadi kami mulai ulang. Silakan coba lagi, atau ketik *bantuan*.",
        "Sorry, something went wrong on our side and we restarted the conversation. Please try again, or type *help*.");

    private readonly KeyedLock _conversationLocks = new();

    /// <summary>Runs one turn. The activity must carry a type, a channel id, a conversation id and a sender id.</summary>
    public async Task<TurnResult> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelId = Require(activity.ChannelId, "channelId");
        var conversationId = Require(activity.Conversation?.Id, "conversation.id");
        Require(activity.Type, "type");
        Require(activity.From?.Id, "from.id");

        var key = ConversationReferenceStore.ConversationKey(channelId, conversationId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ConversationId"] = conversationId, ["ChannelId"] = channelId });
        using var held = await _conversationLocks.AcquireAsync(key, cancellationToken);

        if (activity.Id is { Length: > 0 } id && !processed.TryMarkProcessed(channelId, conversationId, id))
        {
            LogDuplicate(id);
            return TurnResult.Duplicate;
        }

        if (activity.From?.Role != "bot")
        {
            references.Save(activity.GetConversationReference(), UserKey(channelId, activity.From!.Id!));
        }

        var turn = new TurnContext(activity, states.Load(key));
        try
        {
            await bot.OnTurnAsync(turn, cancellationToken);
            states.Save(turn.State);
            return new TurnResult(TurnStatus.Completed, turn.Replies, turn.InvokeResponse) { Confidential = turn.IsConfidential };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(ex, activity.Type);
            states.ClearStack(key);
            var apology = new TurnContext(activity, turn.State);
            apology.SendText(Apology);
            return new TurnResult(TurnStatus.Failed, apology.Replies, new InvokeResponse(500)) { Confidential = turn.IsConfidential };
        }
    }

    /// <summary>The user key of a channel account: channel and account id.</summary>
    public static string UserKey(string channelId, string userId) => channelId + "|" + userId;

    private static string Require(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"The activity has no {field}.", nameof(value)) : value;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Activity {ActivityId} was processed before; skipped")]
    private partial void LogDuplicate(string activityId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Turn for a {ActivityType} activity failed; dialog stack cleared")]
    private partial void LogTurnFailed(Exception exception, string? activityType);
}
