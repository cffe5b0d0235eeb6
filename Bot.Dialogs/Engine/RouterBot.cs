using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine.Routing;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Menu;
using Bot.Dialogs.Notifications;
using Bot.Dialogs.Telemetry;
using Bot.Dialogs.Understanding;
using Bot.Knowledge.Language;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Engine;

/// <summary>
/// Runs each turn: loads the sender, hands over notices that could not be delivered before, welcomes new members
/// once, understands the message once (<see cref="MessageUnderstander"/>), and routes it by the
/// <see cref="RoutingTable"/>: the open form, plug-ins, safety, the intent's handler, a clarifying question, Q&amp;A,
/// or help.
/// </summary>
internal sealed partial class RouterBot : IBot
{
    private readonly DialogRunner _dialogs;
    private readonly UserResolver _users;
    private readonly NotificationOutbox _outbox;
    private readonly MessageUnderstander _understander;
    private readonly ILogger<RouterBot> _logger;
    private readonly Dictionary<string, IIntentHandler> _byIntent = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<ITurnHandler> _plugIns;
    private readonly ITurnHandler? _questions;

    public RouterBot(
        IEnumerable<ITurnHandler> turnHandlers,
        IEnumerable<IIntentHandler> intentHandlers,
        DialogRunner dialogs,
        UserResolver users,
        NotificationOutbox outbox,
        MessageUnderstander understander,
        ILogger<RouterBot> logger)
    {
        _dialogs = dialogs;
        _users = users;
        _outbox = outbox;
        _understander = understander;
        _logger = logger;
        var handlers = intentHandlers.ToList();
        foreach (var (intent, type) in RoutingTable.Intents)
        {
            _byIntent[intent] = handlers.FirstOrDefault(h => h.GetType() == type)
                ?? throw new InvalidOperationException($"The routing table sends '{intent}' to {type.Name}, which is not registered as an IIntentHandler.");
        }

        var turns = turnHandlers.ToList();
        _questions = turns.FirstOrDefault(h => h.GetType() == RoutingTable.Questions);
        _plugIns = turns.Where(h => h.GetType() != RoutingTable.Questions).ToList();
    }

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        _users.Resolve(turn);
        if (turn.User is { } user && turn.Activity.Type == ActivityTypes.Message)
        {
            _outbox.DeliverPendingInTurn(turn, user.Id);
        }

        switch (turn.Activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                Welcome(turn);
                break;
            case ActivityTypes.Message:
                Understand(turn);
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

        _outbox.MarkDeliveredInTurn(turn);
    }

    private void Understand(TurnContext turn)
    {
        // An answer inside a form never waits for the model's first training (a few seconds after start).
        using var span = SinergiTelemetry.StartUnderstanding();
        var understood = _understander.Understand(turn.Text, turn.User?.Role, turn.IsEnglish, waitForModel: turn.State.Stack.Count == 0);
        turn.Understood = understood;
        SinergiTelemetry.Understood(span, understood.Intent, understood.Decision.ToString(), understood.Typed);

        // A message that may be a tip is confidential whatever happens next (even a clarifying question).
        if (IsTip(understood.Intent) || understood.Alternatives.Any(IsTip))
        {
            turn.MarkConfidential();
        }

        LogUnderstood(understood.Intent, understood.Confidence, understood.Decision, understood.Typed, understood.Safety != SafetyConcern.None);
    }

    private async Task RouteMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var understood = turn.Understood!;
        foreach (var step in RoutingTable.Steps)
        {
            var handled = step switch
            {
                RouteStep.ActiveForm => await ContinueFormAsync(turn, understood, cancellationToken),
                RouteStep.PlugIns => await OfferPlugInsAsync(turn, cancellationToken),
                RouteStep.Safety => understood.Safety != SafetyConcern.None && await AnswerQuestionAsync(turn, cancellationToken),
                RouteStep.Intent => understood.Decision == RouteDecision.Run && await RunIntentAsync(turn, understood, cancellationToken),
                RouteStep.Clarify => understood.Decision == RouteDecision.Clarify && Clarification.TryAsk(turn, understood),
                RouteStep.Question => understood.Decision == RouteDecision.Question && await AnswerQuestionAsync(turn, cancellationToken),
                _ => Fallback(turn),
            };
            if (handled)
            {
                return;
            }
        }
    }

    private async Task<bool> ContinueFormAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        switch (await _dialogs.ContinueAsync(turn, cancellationToken))
        {
            case FormOutcome.NoForm:
                return false;
            case FormOutcome.Question:
                if (await AnswerQuestionAsync(turn, cancellationToken))
                {
                    await _dialogs.RepromptAsync(turn, cancellationToken);
                }
                else
                {
                    // Q&A is not available: the message is an answer after all.
                    await _dialogs.AnswerAsync(turn, cancellationToken);
                }

                return true;
            case FormOutcome.SafetyAside:
                await AnswerQuestionAsync(turn, cancellationToken);
                await _dialogs.AnswerAsync(turn, cancellationToken);
                return true;
            case FormOutcome.Command:
                await _dialogs.RunOverFormAsync(turn, () => RunIntentAsync(turn, understood, cancellationToken), cancellationToken);
                return true;
            default:
                return true;
        }
    }

    private async Task<bool> OfferPlugInsAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var plugIn in _plugIns)
        {
            if (await plugIn.TryHandleAsync(turn, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> RunIntentAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        if (!_byIntent.TryGetValue(understood.Intent, out var handler))
        {
            return false;
        }

        await handler.HandleAsync(turn, understood, cancellationToken);
        return true;
    }

    private async Task<bool> AnswerQuestionAsync(TurnContext turn, CancellationToken cancellationToken) =>
        _questions is not null && await _questions.TryHandleAsync(turn, cancellationToken);

    private static bool Fallback(TurnContext turn)
    {
        MenuHandler.NotUnderstood(turn);
        return true;
    }

    private static bool IsTip(string intent) => intent is Intents.ReportTip or Intents.CheckTip or Intents.AddTipInfo;

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
            turn.SendText(turn.T(MenuTexts.Welcome), RoleSuggestions.For(turn));
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Understood {Intent} ({Confidence:0.00}), {Decision}, typed {Typed}, safety concern {Safety}")]
    private partial void LogUnderstood(string intent, double confidence, RouteDecision decision, bool typed, bool safety);
}
