using Bot.Dialogs.Commitments;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Tips;

/// <summary>
/// The tip line, open to everyone without enrolment: reporting drug activity ("lapor", "lapor narkoba", "mau lapor
/// ada yg jualan sabu", the main menu's "Lapor narkoba") starts <see cref="TipDialog"/>; checking a tip ("cek
/// TIP-…") shows its status; adding to a tip ("tambah info TIP-…") starts the follow-up. The tracking code is read
/// in any spelling. Every such turn is confidential: a tracking code is as telling as the tip.
/// </summary>
internal sealed class TipCommands(DialogRunner dialogs, TipService tips, PendingTips pending) : IIntentHandler
{
    public async Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        turn.MarkConfidential();
        var code = understood.Entities.TipCode ?? (understood.TypedArgument is { Length: > 0 } typed ? typed : null);
        switch (understood.Intent)
        {
            case Intents.ReportTip:
                await dialogs.BeginAsync(turn, TipDialog.DialogId, null, cancellationToken);
                break;
            case Intents.CheckTip when code is not null:
                ShowStatus(turn, code);
                break;
            case Intents.CheckTip:
                turn.SendText(TipDialogTexts.AskCode);
                break;
            default:
                await StartFollowUpAsync(turn, code ?? string.Empty, cancellationToken);
                break;
        }
    }

    private void ShowStatus(TurnContext turn, string code)
    {
        var lookup = tips.Lookup(code, TipDialogPrompts.SenderKey(turn));
        if (lookup.View is not { } view)
        {
            turn.SendText(lookup.Outcome == TipOutcome.RateLimited ? TipTexts.TooMany : TipTexts.NotFound);
            return;
        }

        var english = turn.IsEnglish;
        turn.SendText(turn.F(TipTexts.Status, view.TrackingCode, turn.T(TipDialogTexts.Status(view.Status)), CommitmentFormat.Date(view.UpdatedOn, english)));
    }

    private async Task StartFollowUpAsync(TurnContext turn, string code, CancellationToken cancellationToken)
    {
        if (code.Length == 0)
        {
            turn.SendText(TipDialogTexts.AskCode);
            return;
        }

        // Checked first so nobody types a long text for a mistyped code; the lookup counts against the limit.
        var lookup = tips.Lookup(code, TipDialogPrompts.SenderKey(turn));
        if (lookup.View is not { } view)
        {
            turn.SendText(lookup.Outcome == TipOutcome.RateLimited ? TipTexts.TooMany : TipTexts.NotFound);
            return;
        }

        if (pending.Create(view.TrackingCode) is not { } handle)
        {
            turn.SendText(TipDialogTexts.Busy);
            return;
        }

        await dialogs.BeginAsync(turn, TipFollowUpDialog.DialogId, handle, cancellationToken);
    }
}
