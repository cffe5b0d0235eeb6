using System.Security.Cryptography;
using System.Text;

namespace Bot.Dialogs.Tips;

/// <summary>
/// The keys a confirmation's receipt is found by (see <see cref="Storage.ITipStore.FindReceipt"/>); either may be
/// null. Only hashes are kept, so a receipt never holds a handle or an activity id.
/// </summary>
public sealed record TipReceiptKeys(string? Handle, string? Request)
{
    /// <summary>How long a receipt lasts after the (hour-rounded) confirmation.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    /// <summary>The keys given.</summary>
    public IEnumerable<string> All => new[] { Handle, Request }.OfType<string>();

    /// <summary>The keys of a confirmation in the tip dialog: its draft handle and its activity.</summary>
    public static TipReceiptKeys Of(string handle, string? requestKey) =>
        new(ForHandle(handle), requestKey is null ? null : ForRequest(requestKey));

    /// <summary>The key of a dialog's draft handle.</summary>
    public static string ForHandle(string handle) => Hash("handle\n" + handle);

    /// <summary>The key of a confirming activity (channel, conversation and activity id: <c>TurnContext.RequestKey</c>).</summary>
    public static string ForRequest(string requestKey) => Hash("request\n" + requestKey);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
