using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Tips;

/// <summary>
/// A confirmation the channel sends again after its turn was committed (its answer died with the process) gets the
/// same receipt again, as a confidential reply (issue 14, finding 7). Nothing is saved a second time.
/// </summary>
internal sealed class TipReceiptReplay(ITipStore store, TimeProvider time) : ITurnReplay
{
    public TurnReplay? Replay(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message || TurnContext.RequestKeyOf(activity) is not { } request
            || store.FindReceipt(TipReceiptKeys.ForRequest(request), time.GetUtcNow().UtcDateTime) is not { } receipt)
        {
            return null;
        }

        var reply = new TurnContext(activity, new Storage.ConversationState());
        reply.SendText(receipt.FollowUp ? reply.T(TipDialogTexts.FollowUpSaved) : TipDialog.ReceiptText(reply, receipt.TrackingCode));
        return new TurnReplay(reply.Replies, Confidential: true);
    }
}
