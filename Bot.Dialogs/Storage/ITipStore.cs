using Bot.Dialogs.Tips;

namespace Bot.Dialogs.Storage;

/// <summary>
/// The tips, their photos and the receipts of confirmations, all kept apart from everything else (their own file
/// in the storage adapter), so nothing of a tip shares a transaction with a sender's turn.
/// </summary>
public interface ITipStore
{
    /// <summary>Saves a new tip under a fresh tracking code, with its cleaned photo and its receipt, at once.</summary>
    Tip Save(Tip tip, StrippedImage? photo, TipReceiptKeys? receipt, DateTime roundedTime);

    /// <summary>Adds information to a tip; null when the tracking code is unknown.</summary>
    Tip? AddFollowUp(string trackingCode, TipFollowUp followUp, StrippedImage? photo, TipReceiptKeys? receipt, DateTime roundedTime);

    /// <summary>The tracking code a receipt key confirmed, while the receipt lasts.</summary>
    (string TrackingCode, bool FollowUp)? FindReceipt(string? receiptKey, DateTime now);

    Tip? Get(string trackingCode);

    void Update(Tip tip);

    /// <summary>The tips, newest first, optionally of one status.</summary>
    IReadOnlyList<Tip> List(TipStatus? status = null);

    /// <summary>Clears the alert flag of every tip that had it and says how many had it.</summary>
    int TakeAlerts();

    Tip? FindByPhoto(string fileId);

    byte[]? ReadPhoto(string fileId);
}
