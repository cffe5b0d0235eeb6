using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Tips;

/// <summary>
/// Tells coordinators, in the last conversation of their first account that has one, that tips need handling. The
/// message carries a count only (<see cref="TipAlerts"/>): nothing of any tip enters the main database's transcripts.
/// </summary>
public sealed partial class TipNotifier(IUserStore users, IConversationReferenceStore references, ProactiveMessenger messenger, ILogger<TipNotifier> logger)
{
    public Task NotifyAsync(int count, CancellationToken cancellationToken) =>
        SendToCoordinatorsAsync(locale => TipTexts.CoordinatorAlert.Format(locale, count), cancellationToken);

    private async Task SendToCoordinatorsAsync(Func<string?, string> text, CancellationToken cancellationToken)
    {
        foreach (var coordinator in users.ListCoordinators())
        {
            var reference = LatestReference(coordinator);
            if (reference is null)
            {
                continue;
            }

            try
            {
                var message = new Activity { Type = ActivityTypes.Message, TextFormat = "markdown", Text = text(coordinator.Locale ?? reference.Locale) };
                // Best effort, nothing recorded: the alert repeats with the next tip, and the dashboard lists them all.
                await messenger.DeliverAsync(reference, new ProactiveMessage(message, "tip-alert-" + Guid.NewGuid().ToString("N"), DeliveryRecord.None), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotificationFailed(ex, coordinator.Id);
            }
        }
    }

    private ConversationReference? LatestReference(BotUser coordinator) =>
        coordinator.Accounts
            .Select(references.FindLatestForUser)
            .OfType<ConversationReference>()
            .FirstOrDefault();

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Could not tell coordinator {CoordinatorId} about a tip")]
    private partial void LogNotificationFailed(Exception exception, string coordinatorId);
}
