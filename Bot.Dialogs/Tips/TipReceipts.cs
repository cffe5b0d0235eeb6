using System.Security.Cryptography;
using System.Text;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Dialogs.Tips;

/// <summary>
/// Receipts of confirmations (issue 14, finding 7: after a crash at confirmation the tip was saved but the receipt
/// never shown; the repeated "ya" was told "Tidak ada yang terkirim", which was false, and the tip was sent twice).
/// The tip dialog's saved frame holds only a random handle; the receipt, written in the same transaction as the tip,
/// maps the SHA-256 of that handle to the tracking code. A repeated confirmation finds it and shows the same code.
/// Neither side names the sender; the pair exists only while the dialog's frame does: the receipt is forgotten as
/// soon as the reply that shows the code has been committed, and within two hours in any case (times are rounded to
/// the hour like the tip's).
/// </summary>
internal sealed class TipReceipts(SinergiDatabase database)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ILiteCollection<Receipt> _receipts = database.Collection<Receipt>("tip_receipts");

    /// <summary>The key of a dialog's draft handle: its SHA-256, so the tips' file does not hold the handle itself.</summary>
    public static string KeyFor(string handle) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(handle)));

    public void Record(string? key, string trackingCode, DateTime roundedNow)
    {
        if (key is not null)
        {
            _receipts.Upsert(new Receipt { Id = key, TrackingCode = trackingCode, ExpiresAt = roundedNow + Lifetime + TimeSpan.FromHours(1) });
        }
    }

    public string? Find(string? key, DateTime now) =>
        key is not null && _receipts.FindById(key) is { } receipt && receipt.ExpiresAt > now ? receipt.TrackingCode : null;

    public void Forget(string? key, DateTime now) => database.InTransaction(() =>
    {
        if (key is not null)
        {
            _receipts.Delete(key);
        }

        _receipts.DeleteMany(r => r.ExpiresAt <= now);
    });

    internal sealed class Receipt
    {
        public string Id { get; set; } = string.Empty;
        public string TrackingCode { get; set; } = string.Empty;
        public DateTime ExpiresAt { get; set; }
    }
}
