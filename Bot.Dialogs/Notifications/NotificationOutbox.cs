using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Notifications;

/// <summary>
/// Durable notices: written in the same transaction as the change they announce, then pushed proactively; a
/// notice that could not be pushed stays pending and is handed over at the start of the recipient's next turn
/// (or by a later sweep through <see cref="ListPending"/>). So a notice is never lost to a dead channel or a crash.
/// </summary>
public sealed partial class NotificationOutbox(
    INotificationStore notices,
    TimeProvider time,
    IUserStore users,
    IConversationReferenceStore references,
    ProactiveMessenger messenger,
    ILogger<NotificationOutbox> logger)
{
    private const string DeliveredKey = "notices.delivered";


    /// <summary>Records a notice (call inside the transaction of the change it announces).</summary>
    public Notice Enqueue(string userId, string text, IEnumerable<string>? suggestions = null)
    {
        var notice = new Notice { UserId = userId, Text = text, Suggestions = [.. suggestions ?? []], CreatedAt = time.GetUtcNow().UtcDateTime };
        notices.Insert(notice);
        return notice;
    }

    /// <summary>Whether a notice to the user can be pushed now (the bot knows where to reach them), rather than wait for their next turn.</summary>
    public bool CanPush(string userId) => LatestReference(userId) is not null;

    private ConversationReference? LatestReference(string userId) =>
        users.Get(userId)?.Accounts.Select(references.FindLatestForUser).FirstOrDefault(r => r is not null);

    /// <summary>Pushes a notice to the user's latest conversation; false (and still pending) when that failed.</summary>
    public async Task<bool> TryDeliverAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var reference = LatestReference(notice.UserId);
        notice.Attempts++;
        try
        {
            if (reference is null)
            {
                LogNoReference(notice.Id);
                return false;
            }

            // Marked delivered with the message where the transcript is ours (Direct Line), else once the channel
            // accepted it; a repeat after a crash in between carries the same id ("notice-{id}").
            var delivered = DeliveryRecord.Of(() =>
            {
                notice.DeliveredAt = time.GetUtcNow().UtcDateTime;
                notices.Update(notice);
            });
            await messenger.DeliverAsync(reference, new ProactiveMessage(ToActivity(notice), DeliveryId(notice), delivered), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever the channel threw (a Connector that cannot be reached throws its own type): the change it
            // announces is committed, and the notice waits for the user's next turn (issue 14, finding 10).
            LogDeliveryFailed(ex, notice.Id);
            return false;
        }
        finally
        {
            notices.Update(notice);
        }
    }

    /// <summary>
    /// Adds the user's pending notices to this turn's replies. They are marked delivered by
    /// <see cref="MarkDeliveredInTurn"/> only once the turn has run without error.
    /// </summary>
    public void DeliverPendingInTurn(TurnContext turn, string userId)
    {
        ArgumentNullException.ThrowIfNull(turn);
        // Asked on every turn and nearly always empty: the answer "none" is cached until the notices change.
        if (!notices.HasPending(userId))
        {
            return;
        }

        var pending = notices.ListPending(userId);
        foreach (var notice in pending)
        {
            turn.Send(ToActivity(notice));
        }

        if (pending.Count > 0)
        {
            turn.Items[DeliveredKey] = pending.Select(n => n.Id).ToList();
        }
    }

    /// <summary>Marks the notices handed over in this turn as delivered.</summary>
    public void MarkDeliveredInTurn(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.Items.TryGetValue(DeliveredKey, out var value) || value is not List<int> ids)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var notice in ids.Select(notices.Get).OfType<Notice>())
        {
            notice.DeliveredAt = now;
            notices.Update(notice);
        }
    }

    public IReadOnlyList<Notice> ListPending() => notices.ListPending();

    public Notice? Get(int id) => notices.Get(id);

    /// <summary>The id a notice carries on every attempt to push it, so a receiver can de-duplicate a repeat.</summary>
    public static string DeliveryId(Notice notice) =>
        "notice-" + (notice ?? throw new ArgumentNullException(nameof(notice))).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Activity ToActivity(Notice notice) => new()
    {
        Type = ActivityTypes.Message,
        Text = notice.Text,
        TextFormat = "markdown",
        SuggestedActions = TurnContext.ToSuggestions(notice.Suggestions),
    };

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Notice {NoticeId} kept for the next turn: the user has no stored conversation")]
    private partial void LogNoReference(int noticeId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Notice {NoticeId} could not be pushed; kept for the user's next turn")]
    private partial void LogDeliveryFailed(Exception exception, int noticeId);
}
