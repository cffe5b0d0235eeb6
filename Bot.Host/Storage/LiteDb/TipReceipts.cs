using Bot.Dialogs.Tips;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Receipts of confirmations (issue 14, finding 7: after kill -9 at confirmation the tips were saved but few receipts
/// were delivered; the repeated "ya" was told "Tidak ada yang terkirim", which was false, and tips were sent twice).
/// In the same transaction as the tip (or the added information), a receipt maps two keys to the tracking code:
/// the SHA-256 of the dialog's draft handle (the saved frame holds the handle, so a confirmation sent again while
/// the frame still waits finds it) and the SHA-256 of the confirming activity's key (so a channel's repeat of the very
/// same activity, after its turn was committed but its answer lost, gets the receipt again: <see cref="TipReceiptReplay"/>).
/// Neither key names the sender: each is a hash of something random or of an activity id. Joining a receipt to a
/// conversation takes both database files and ends with the receipt, at most two hours later (times rounded to the
/// hour like the tip's); README, "Tip line privacy".
/// </summary>
internal sealed class TipReceipts(SinergiDatabase database)
{
    private readonly ILiteCollection<Receipt> _receipts = database.Collection<Receipt>("tip_receipts");

    /// <summary>Records the receipt under each key given (in the caller's transaction) and forgets expired ones.</summary>
    public void Record(TipReceiptKeys? keys, string trackingCode, bool followUp, DateTime roundedNow)
    {
        if (keys is null)
        {
            return;
        }

        _receipts.DeleteMany(r => r.ExpiresAt <= roundedNow);
        foreach (var key in keys.All)
        {
            _receipts.Upsert(new Receipt { Id = key, TrackingCode = trackingCode, FollowUp = followUp, ExpiresAt = roundedNow + TipReceiptKeys.Lifetime });
        }
    }

    public (string TrackingCode, bool FollowUp)? Find(string? key, DateTime now) =>
        key is not null && _receipts.FindById(key) is { } receipt && receipt.ExpiresAt > now ? (receipt.TrackingCode, receipt.FollowUp) : null;

    internal sealed class Receipt
    {
        public string Id { get; set; } = string.Empty;
        public string TrackingCode { get; set; } = string.Empty;
        public bool FollowUp { get; set; }
        public DateTime ExpiresAt { get; set; }
    }
}
