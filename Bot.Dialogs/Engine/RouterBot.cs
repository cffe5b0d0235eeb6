using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Menu;
using Bot.Dialogs.Notifications;

namespace Bot.Dialogs.Engine;

/// <summary>
/// Routes each turn: loads the sender, hands over notices that could not be delivered before, welcomes new
/// members once, lets an active dialog continue (interruptions included), and otherwise offers the message to
/// the feature handlers in order, saying it did not understand when none claims it.
/// </summary>
internal sealed class RouterBot(
    IEnumerable<ITurnHandler> handlers, DialogRunner dialogs, UserResolver users, NotificationOutbox outbox) : IBot
{
    private readonly IReadOnlyList<ITurnHandler> _handlers = handlers.OrderBy(h => h.Order).ToList();

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        users.Resolve(turn);
        if (turn.User is { } user && turn.Activity.Type == ActivityTypes.Message)
        {
            outbox.DeliverPendingInTurn(turn, user.Id);
        }

        switch (turn.Activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                Welcome(turn);
                break;
            case ActivityTypes.Message:
                await RouteMessageAsync(turn, cancellationToken);
                break;
            case ActivityTypes.Invoke:
                // No invoke is defined yet; 501 is what Bot Framework answers for unknown invokes (§1.5).
                turn.InvokeResponse = new InvokeResponse(501);
                break;
            default:
                // Unknown and non-message types are ignored, as the spec asks of bots (A2011).
                break;
        }

        outbox.MarkDeliveredInTurn(turn);
    }

    private async Task RouteMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await dialogs.ContinueAsync(turn, cancellationToken))
        {
            return;
        }

        foreach (var handler in _handlers)
        {
            if (await handler.TryHandleAsync(turn, cancellationToken))
            {
                return;
            }
        }

        turn.SendText(MenuTexts.NotUnderstood, RoleSuggestions.For(turn));
    }

    private static void Welcome(TurnContext turn)
    {
        var botId = turn.Activity.Recipient?.Id;
        foreach (var member in turn.Activity.MembersAdded ?? [])
        {
            if (member.Id is null || member.Id == botId || turn.State.Welcomed.Contains(member.Id))
            {
                continue;
            }

            turn.State.Welcomed.Add(member.Id);
            turn.SendText(MenuTexts.Welcome, RoleSuggestions.For(turn));
        }
    }
}
